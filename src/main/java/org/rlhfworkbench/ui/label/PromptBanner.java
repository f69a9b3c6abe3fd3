package org.rlhfworkbench.ui.label;

import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

/**
 * The prompt, fixed above the cards so it stays in sight while long responses scroll inside
 * their cards; a very long prompt scrolls inside the banner. Also says when an earlier decision
 * is being changed.
 */
final class PromptBanner extends VBox {
    static final double MAX_PROMPT_HEIGHT = 140;

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
        ScrollPane scroll = new ScrollPane(prompt);
        scroll.setFitToWidth(true);
        scroll.setMaxHeight(MAX_PROMPT_HEIGHT);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("prompt-scroll");
        scroll.setFocusTraversable(false);

        Label reopened = new Label();
        reopened.setId("reopenedNote");
        reopened.getStyleClass().add("reopened-note");
        reopened.setWrapText(true);
        reopened.textProperty().bind(screen.reopenedProperty());
        reopened.visibleProperty().bind(screen.reopenedProperty().isNotEmpty());
        reopened.managedProperty().bind(reopened.visibleProperty());
        getChildren().addAll(caption, scroll, reopened);
    }
}
