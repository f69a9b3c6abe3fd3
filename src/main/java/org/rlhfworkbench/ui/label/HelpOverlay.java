package org.rlhfworkbench.ui.label;

import java.util.stream.IntStream;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Every key of the labeling view, from the current key map; '?' or F1 shows it, Esc hides it. */
final class HelpOverlay extends StackPane {
    private final GridPane grid = new GridPane();

    HelpOverlay(LabelViewModel viewModel) {
        setId("helpOverlay");
        getStyleClass().add("label-overlay");
        visibleProperty().bind(viewModel.screen().helpVisibleProperty());
        Label title = new Label("Labeling keys");
        title.getStyleClass().add("overlay-title");
        grid.setId("helpKeys");
        grid.getStyleClass().add("help-grid");
        Label note = new Label("Ranking is best first; cards you do not press stay unranked (below all ranked ones). "
                + "Drag a card onto another to put it above, onto its \"=\" to tie.");
        note.setWrapText(true);
        Button remap = new Button("Remap keys…");
        remap.setOnAction(e -> KeyMapDialog.show(this, viewModel));
        Button close = new Button("Close (Esc)");
        close.setOnAction(e -> viewModel.toggleHelp());
        VBox panel = new VBox(title, grid, note, new HBox(8, remap, close));
        panel.getStyleClass().add("overlay-panel");
        panel.setMaxSize(720, USE_PREF_SIZE);
        getChildren().add(panel);
        setOnMouseClicked(e -> {
            if (e.getTarget() == this) {
                viewModel.toggleHelp();
            }
        });
        fill(viewModel.keySettings().get());
        viewModel.keySettings().property().addListener((obs, old, now) -> fill(now));
    }

    private void fill(KeyMap keys) {
        grid.getChildren().clear();
        int row = 0;
        grid.addRow(row++, key(cardKeys(keys)), text("Rank that card next (best first); after E, D or R it picks the card; "
                + "as a rating it is the value 1-5"));
        for (LabelAction action : LabelAction.values()) {
            if (action.cardNumber() == 0) {
                grid.addRow(row++, key(keys.display(action)), text(action.description()));
            }
        }
    }

    /** "1 … 9" while the card keys are the defaults, else each card's keys. */
    private static String cardKeys(KeyMap keys) {
        StringBuilder out = new StringBuilder();
        for (int n = 1; n <= 9; n++) {
            out.append(n == 1 ? "" : "  ").append(n).append(": ").append(keys.display(LabelAction.card(n)));
        }
        boolean defaults = IntStream.rangeClosed(1, 9).allMatch(n ->
                keys.keysOf(LabelAction.card(n)).equals(KeyMap.defaults().keysOf(LabelAction.card(n))));
        return defaults ? "1 … 9" : out.toString();
    }

    private static Label key(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("help-key");
        if (text.length() > 24) {
            label.setWrapText(true);
            label.setMaxWidth(260);
        } else {
            label.setMinWidth(USE_PREF_SIZE);
        }
        return label;
    }

    private static Label text(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        return label;
    }
}
