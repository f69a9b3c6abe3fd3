package org.rlhfworkbench.ui.label;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * One response: its number, rank badge ("1", "2=") and buttons on top, its length (and whether it
 * was cut or edited) under them, the text (streaming in,
 * scrolling inside the card) or its diff in the middle, ratings at the bottom when enabled.
 * Node ids end in the card number: card-3, badge-3, text-3, length-3, edit-3, diff-3. A card
 * node is reused for the same slot of the next prompt ({@link #show}), so switching prompts
 * does not rebuild skins.
 */
final class ResponseCard extends VBox {
    static final double PREF_TEXT_WIDTH = 200;
    static final double PREF_TEXT_HEIGHT = 80;
    private static final PseudoClass RANKED = PseudoClass.getPseudoClass("ranked");
    private static final PseudoClass EDITED = PseudoClass.getPseudoClass("edited");
    private static final PseudoClass CUT = PseudoClass.getPseudoClass("cut");

    private final LabelViewModel viewModel;
    private final Label badge = new Label();
    private final Label length = new Label();
    private final ToggleButton diff = new ToggleButton("Diff");
    private final TextArea text = new TextArea();
    private final DiffText diffText = new DiffText();
    private final ChangeListener<String> onText = (obs, old, now) -> showText(now);
    private final ChangeListener<String> onBadge = (obs, old, now) -> pseudoClassStateChanged(RANKED, !now.isEmpty());
    private final ChangeListener<String> onMarkers = (obs, old, now) -> length.pseudoClassStateChanged(EDITED, now != null);
    private final ChangeListener<Integer> onCut = (obs, old, now) -> length.pseudoClassStateChanged(CUT, now != null);
    private final Tooltip lengthTip = new Tooltip();
    private CardModel card;
    private RatingsRow ratings;
    private String shown = "";

    ResponseCard(int slot, LabelViewModel viewModel) {
        this.viewModel = viewModel;
        int number = slot + 1;
        setId("card-" + number);
        getStyleClass().add("response-card");
        setMinHeight(0);
        Label numberLabel = new Label(String.valueOf(number));
        numberLabel.getStyleClass().add("card-number");
        badge.setId("badge-" + number);
        badge.getStyleClass().add("rank-badge");
        length.setId("length-" + number);
        length.getStyleClass().add("card-length");
        length.setTooltip(lengthTip);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label tieZone = new Label("=");
        tieZone.getStyleClass().add("tie-zone");
        Tooltip.install(tieZone, new Tooltip("Drop another card here to tie it with this one"));
        diff.setId("diff-" + number);
        diff.setFocusTraversable(false);
        diff.setOnAction(e -> viewModel.diff().toggle(slot));
        Button edit = new Button("Edit");
        edit.setId("edit-" + number);
        edit.setFocusTraversable(false);
        edit.setOnAction(e -> viewModel.edit(slot));
        // the header never shrinks its number, badge or buttons; the length line under it wraps
        for (Region fixed : List.of(numberLabel, badge, tieZone, diff, edit)) {
            fixed.setMinWidth(USE_PREF_SIZE);
        }
        length.setMinWidth(0);
        length.setWrapText(true);
        length.setMinHeight(USE_PREF_SIZE);
        HBox header = new HBox(numberLabel, badge, spacer, tieZone, diff, edit);
        header.getStyleClass().add("card-header");

        text.setId("text-" + number);
        text.getStyleClass().add("card-text");
        text.setEditable(false);
        text.setWrapText(true);
        text.setFocusTraversable(false);
        // fixed preferred and minimum sizes: the grid gives the card its share of the space, and
        // the parents never measure the (long, growing) text, which would lay out all of it each pulse
        text.setPrefSize(PREF_TEXT_WIDTH, PREF_TEXT_HEIGHT);
        text.setMinSize(0, 0);
        StackPane body = new StackPane(text, diffText);
        body.setMinHeight(0);
        VBox.setVgrow(body, Priority.ALWAYS);
        getChildren().addAll(header, length, body);
        CardDragAndDrop.makeDraggable(header, slot);
        CardDragAndDrop.acceptDrops(this, slot, false, viewModel);
        CardDragAndDrop.acceptDrops(tieZone, slot, true, viewModel);
    }

    /** Shows {@code next} (same slot, next prompt) in this node. */
    void show(CardModel next) {
        if (card != null) {
            card.displayTextBinding().removeListener(onText);
            card.badgeProperty().removeListener(onBadge);
            card.correctionProperty().removeListener(onMarkers);
            card.cutAtProperty().removeListener(onCut);
        }
        card = next;
        badge.textProperty().bind(next.badgeProperty());
        badge.visibleProperty().bind(next.badgeProperty().isNotEmpty());
        length.textProperty().bind(Bindings.createStringBinding(() -> lengthText(next), next.tokensProperty(),
                next.wordsProperty(), next.doneProperty(), next.errorProperty(), next.correctionProperty(),
                next.correctionTokensProperty(), next.cutAtProperty()));
        lengthTip.textProperty().bind(length.textProperty());
        length.pseudoClassStateChanged(EDITED, false);
        length.pseudoClassStateChanged(CUT, false);
        next.correctionProperty().addListener(onMarkers);
        next.cutAtProperty().addListener(onCut);
        length.pseudoClassStateChanged(EDITED, next.correctionProperty().get() != null);
        length.pseudoClassStateChanged(CUT, next.cutAtProperty().get() != null);
        diff.selectedProperty().bind(next.diffSelectedProperty());
        diffText.show(next.diffProperty());
        next.displayTextBinding().addListener(onText);
        next.badgeProperty().addListener(onBadge);
        pseudoClassStateChanged(RANKED, !next.badgeProperty().get().isEmpty());
        shown = next.displayTextBinding().get();
        text.setText(shown);
        text.positionCaret(0);
        text.setScrollTop(0);
        if (ratings != null) {
            getChildren().remove(ratings);
            ratings = null;
        }
        List<String> criteria = viewModel.screen().criteria();
        if (viewModel.screen().ratingsEnabledProperty().get() && !criteria.isEmpty()) {
            ratings = new RatingsRow(next);
            getChildren().add(ratings);
        }
    }

    /** Appends streamed text keeping the reader's scroll position and selection; replaces it otherwise. */
    private void showText(String now) {
        double top = text.getScrollTop();
        int anchor = text.getAnchor();
        int caret = text.getCaretPosition();
        if (now.length() > shown.length() && now.startsWith(shown)) {
            text.appendText(now.substring(shown.length()));
            text.selectRange(anchor, caret);
        } else {
            text.setText(now);
        }
        shown = now;
        text.setScrollTop(top);
    }

    /**
     * "57 tokens · 40 words", "~12 tokens · 9 words · generating…", "cut at 128 tokens · 90 words",
     * "edited: 42 tokens · 30 words (was 57 tokens)", or "… · failed: why". Markers come first: a
     * narrow card cuts the end of this text.
     */
    static String lengthText(CardModel card) {
        int tokens = card.tokensProperty().get();
        String words = count(card.wordsProperty().get(), "word");
        if (card.errorProperty().get() != null) {
            return (card.doneProperty().get() ? "" : "~") + count(tokens, "token") + " · " + words + " · failed: "
                    + card.errorProperty().get();
        }
        String correction = card.correctionProperty().get();
        if (correction != null) {
            int edited = card.correctionTokensProperty().get();
            return "edited: " + (edited >= 0 ? count(edited, "token") + " · " : "")
                    + count(CardModel.countWords(correction), "word") + " (was " + count(tokens, "token") + ")";
        }
        if (!card.doneProperty().get()) {
            return "~" + count(tokens, "token") + " · " + words + " · generating…";
        }
        Integer cut = card.cutAtProperty().get();
        return cut != null ? "cut at " + count(cut, "token") + " · " + words : count(tokens, "token") + " · " + words;
    }

    /** "1 token", "2 tokens". */
    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
