package org.rlhfworkbench.ui.label;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Right of the cards: progress, what generates the answers (model, K, sampling, prompt format),
 * the project's guidelines, the last decisions, and the key buttons.
 */
final class SidePanel extends VBox {
    /** Narrower than this the generator's fields would be cut; the divider stops here. */
    static final double MIN_WIDTH = 260;

    /** @param backToLabeling gives the keys back to labeling (after a generator field is done with) */
    SidePanel(LabelViewModel viewModel, Runnable backToLabeling) {
        setId("labelSidePanel");
        getStyleClass().add("label-side-panel");
        Label progress = new Label();
        progress.setId("labelProgress");
        progress.getStyleClass().add("label-progress");
        progress.setWrapText(true);
        progress.setMinHeight(USE_PREF_SIZE);
        progress.textProperty().bind(viewModel.screen().progressProperty());

        Button help = new Button("Keys (?)");
        help.setId("helpButton");
        help.setFocusTraversable(false);
        help.setOnAction(e -> viewModel.toggleHelp());
        Button remap = new Button("Remap keys…");
        remap.setId("remapKeysButton");
        remap.setFocusTraversable(false);
        remap.setOnAction(e -> KeyMapDialog.show(this, viewModel));
        HBox buttons = new HBox(help, remap);
        buttons.getStyleClass().add("side-buttons");

        HistoryPanel history = new HistoryPanel(viewModel);
        VBox.setVgrow(history, Priority.ALWAYS);
        GeneratorPanel generator = new GeneratorPanel(viewModel.generator(), backToLabeling);
        GuidelinesPane guidelines = new GuidelinesPane(viewModel.screen().guidelinesProperty());
        guidelines.setExpanded(false);
        setMinWidth(MIN_WIDTH);
        getChildren().addAll(progress, generator, guidelines, history, buttons);
    }
}
