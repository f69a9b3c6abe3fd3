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
                .then("card numbers, best first").otherwise(screen.rankingSummaryProperty()));
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
        hint.setMinWidth(USE_PREF_SIZE);
        hint.textProperty().bind(Bindings.createStringBinding(() -> {
            KeyMap keys = viewModel.keySettings().get();
            // the first key of each, short enough for the default window; the help overlay lists them all
            return first(keys, LabelAction.SUBMIT) + " submit · " + first(keys, LabelAction.TIE) + " tie · "
                    + first(keys, LabelAction.HELP) + " help";
        }, viewModel.keySettings().property()));
        getChildren().addAll(caption, summary, message, busy, spacer, hint);
    }

    private static String first(KeyMap keys, LabelAction action) {
        return keys.keysOf(action).isEmpty() ? "(none)" : keys.keysOf(action).get(0).display();
    }
}
