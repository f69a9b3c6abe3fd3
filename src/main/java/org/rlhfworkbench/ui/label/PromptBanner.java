package org.rlhfworkbench.ui.label;

import java.util.List;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import org.rlhfworkbench.core.Message;

/**
 * The prompt, fixed above the cards so it stays in sight while long responses scroll inside
 * their cards; a very long prompt scrolls inside the banner. A conversation shows as its turns
 * (user / assistant), scrolled to its end, so the last user turn (the one the answers reply to)
 * is in sight. Also says when an earlier decision is being changed.
 */
final class PromptBanner extends VBox {
    static final double MAX_PROMPT_HEIGHT = 140;
    static final double MAX_CONVERSATION_HEIGHT = 220;

    private final VBox turnsBox = new VBox(4);
    private final ScrollPane scroll;

    PromptBanner(LabelScreen screen) {
        setId("promptBanner");
        getStyleClass().add("prompt-banner");
        Label caption = new Label("Prompt");
        caption.getStyleClass().add("banner-caption");
        Label prompt = new Label();
        prompt.setId("promptText");
        prompt.getStyleClass().add("prompt-text");
        prompt.setWrapText(true);
        prompt.textProperty().bind(screen.promptProperty());
        turnsBox.setId("promptTurns");
        VBox content = new VBox(prompt, turnsBox);
        scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setMaxHeight(MAX_PROMPT_HEIGHT);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("prompt-scroll");
        scroll.setFocusTraversable(false);

        List<Message> turns = screen.promptTurns();
        screen.promptTurns().addListener((ListChangeListener<Message>) c -> {
            boolean conversation = turns.size() > 1;
            caption.setText(conversation ? "Prompt: a conversation of " + turns.size() + " turns; the answers reply to the last"
                    : "Prompt");
            prompt.setVisible(!conversation);
            prompt.setManaged(!conversation);
            scroll.setMaxHeight(conversation ? MAX_CONVERSATION_HEIGHT : MAX_PROMPT_HEIGHT);
            turnsBox.getChildren().clear();
            if (conversation) {
                for (int i = 0; i < turns.size(); i++) {
                    turnsBox.getChildren().add(turn(i, turns.get(i)));
                }
            }
        });
        // a conversation opens at its end: the last user turn is what the answers reply to
        content.heightProperty().addListener((obs, old, h) -> {
            if (turns.size() > 1) {
                scroll.setVvalue(scroll.getVmax());
            }
        });

        Label reopened = new Label();
        reopened.setId("reopenedNote");
        reopened.getStyleClass().add("reopened-note");
        reopened.setWrapText(true);
        reopened.textProperty().bind(screen.reopenedProperty());
        reopened.visibleProperty().bind(screen.reopenedProperty().isNotEmpty());
        reopened.managedProperty().bind(reopened.visibleProperty());
        getChildren().addAll(caption, scroll, reopened);
    }

    private static Label turn(int index, Message m) {
        String role = m.role().toLowerCase(Locale.ROOT);
        Label text = new Label(speaker(role) + ": " + m.content());
        text.setId("promptTurn-" + index);
        text.setWrapText(true);
        text.getStyleClass().addAll("prompt-turn", "turn-" + (role.equals("human") ? "user" : role));
        return text;
    }

    private static String speaker(String role) {
        return switch (role) {
            case "user", "human" -> "User";
            case "assistant" -> "Assistant";
            case "system" -> "System";
            default -> role;
        };
    }
}
