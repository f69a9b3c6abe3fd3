package org.rlhfworkbench.ui.label;

import java.util.Objects;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.rlhfworkbench.jobs.label.HistoryEntry;

/**
 * The last decisions, newest first; click one to reopen and change it. Rows made by the simulated
 * annotator carry a "SIM" marker and can be hidden.
 */
final class HistoryPanel extends VBox {
    HistoryPanel(LabelViewModel viewModel) {
        setId("historyPanel");
        getStyleClass().add("history-panel");
        Label title = new Label("Last decisions (click to change)");
        title.getStyleClass().add("section-title");
        title.setWrapText(true);
        CheckBox hide = new CheckBox("Hide simulated");
        hide.setId("hideSimulated");
        hide.setFocusTraversable(false);
        hide.selectedProperty().bindBidirectional(viewModel.history().hideSimulatedProperty());
        Label simulatedNote = new Label();
        simulatedNote.getStyleClass().add("simulated-note");
        simulatedNote.setWrapText(true);
        simulatedNote.textProperty().bind(viewModel.screen().simulatedNoteProperty());
        simulatedNote.visibleProperty().bind(simulatedNote.textProperty().isNotEmpty());
        simulatedNote.managedProperty().bind(simulatedNote.visibleProperty());

        ListView<HistoryEntry> list = new ListView<>(viewModel.history().shown());
        list.setId("historyList");
        list.setFocusTraversable(false);
        list.setPlaceholder(new Label("No decisions yet"));
        list.setCellFactory(view -> new EntryCell(viewModel));
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(title, hide, simulatedNote, list);
    }

    /** "SIM ranked 3 > 1 · 14:02" over the prompt's first line; the nodes are made once per cell. */
    private static final class EntryCell extends ListCell<HistoryEntry> {
        private final Label marker = new Label("SIM");
        private final Label what = new Label();
        private final Label prompt = new Label();
        private final VBox box = new VBox(new HBox(marker, what), prompt);

        EntryCell(LabelViewModel viewModel) {
            setPrefWidth(0);
            marker.getStyleClass().add("simulated-marker");
            marker.managedProperty().bind(marker.visibleProperty());
            what.getStyleClass().add("history-summary");
            prompt.getStyleClass().add("history-prompt");
            box.getChildren().get(0).getStyleClass().add("history-top");
            setOnMouseClicked(e -> {
                if (!isEmpty() && getItem() != null) {
                    viewModel.reopen(getItem());
                }
            });
        }

        @Override
        protected void updateItem(HistoryEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            setText(null);
            if (empty || entry == null) {
                setGraphic(null);
                return;
            }
            marker.setVisible(entry.simulated());
            what.setText(HistoryText.row(entry));
            prompt.setText(Objects.toString(entry.promptText(), "").lines().findFirst().orElse(""));
            box.getStyleClass().setAll(entry.simulated() ? "history-simulated" : "history-human");
            setGraphic(box);
        }
    }
}
