package org.rlhfworkbench.ui.grpo;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.rlhfworkbench.jobs.grpo.GrpoSignal;

/** The GRPO run's health signals, newest first: what was seen, what it usually means, what to try. */
final class GrpoHealthPanel extends VBox {
    GrpoHealthPanel(GrpoViewModel vm) {
        super(6);
        getStyleClass().add("health-panel");
        setId("grpoHealthPanel");
        Label title = new Label();
        title.getStyleClass().add("section-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> vm.signals().isEmpty() ? "Health"
                : "Health · " + vm.signals().size() + (vm.signals().size() == 1 ? " signal" : " signals"), vm.signals()));
        ListView<GrpoSignal> list = new ListView<>(vm.signals());
        list.setId("grpoHealthSignals");
        Label empty = new Label("No warnings so far. Signals show here as they happen: most groups without reward"
                + " spread, heavy clipping at either bound, answer length running away, many answers cut at the cap,"
                + " entropy collapse.");
        empty.setWrapText(true);
        empty.getStyleClass().add("hint");
        list.setPlaceholder(empty);
        list.setCellFactory(v -> new Cell(v));
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(title, list);
    }

    private static final class Cell extends ListCell<GrpoSignal> {
        private final Label head = new Label();
        private final Label meaning = new Label();
        private final Label advice = new Label();
        private final VBox box = new VBox(2, head, meaning, advice);

        Cell(ListView<GrpoSignal> list) {
            head.getStyleClass().add("signal-title");
            meaning.getStyleClass().add("signal-meaning");
            advice.getStyleClass().add("signal-advice");
            for (Label l : new Label[] {head, meaning, advice}) {
                l.setWrapText(true);
                l.maxWidthProperty().bind(list.widthProperty().subtract(36));
            }
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(GrpoSignal s, boolean empty) {
            super.updateItem(s, empty);
            if (empty || s == null) {
                setGraphic(null);
                return;
            }
            head.setText("Step " + s.step() + " · " + s.title());
            meaning.setText(s.meaning());
            advice.setText("Try: " + s.advice());
            setGraphic(box);
        }
    }
}
