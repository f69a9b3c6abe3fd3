package org.rlhfworkbench.ui.label;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** Under the cards: the ranking so far ("3 > 1 = 2"), the last message, and the main keys. */
final class LabelStatusLine extends HBox {

    LabelStatusLine(LabelViewModel viewModel) {
        setId("labelStatusLine");
        getStyleClass().add("label-status-line");
        LabelScreen screen = viewModel.screen();
        Label caption = new Label("Ranking:");
        caption.getStyleClass().add("ranking-caption");
        caption.setMinWidth(USE_PREF_SIZE);
        Label summary = new Label();
        summary.setId("rankingSummary");
        summary.getStyleClass().add("ranking-summary");
        summary.setMinWidth(USE_PREF_SIZE);
        summary.textProperty().bind(Bindings.when(screen.rankingSummaryProperty().isEmpty())
                .then("press card numbers, best first").otherwise(screen.rankingSummaryProperty()));
        Label message = new Label();
        message.setId("labelMessage");
        message.getStyleClass().add("label-message");
        message.textProperty().bind(screen.messageProperty());
        message.setMinWidth(0);
        HBox.setHgrow(message, Priority.ALWAYS);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(14, 14);
        busy.visibleProperty().bind(viewModel.busyProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.SOMETIMES);
        Label hint = new Label();
        hint.getStyleClass().add("key-hint");
        hint.setMinWidth(0);
        hint.textProperty().bind(Bindings.createStringBinding(() -> {
            KeyMap keys = viewModel.keySettings().get();
            return keys.display(LabelAction.SUBMIT) + " submit · " + keys.display(LabelAction.TIE) + " tie · "
                    + keys.display(LabelAction.UNDO_KEY) + " undo key · " + keys.display(LabelAction.HELP) + " all keys";
        }, viewModel.keySettings().property()));
        getChildren().addAll(caption, summary, message, busy, spacer, hint);
    }
}
