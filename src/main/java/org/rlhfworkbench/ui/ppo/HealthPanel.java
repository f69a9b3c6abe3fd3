package org.rlhfworkbench.ui.ppo;

import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.rlhfworkbench.jobs.ppo.HealthSignal;

/**
 * The run's health signals as they happen, newest first: what was seen, what it usually means,
 * what to try. The PPO and DPO tabs show one each.
 */
public final class HealthPanel extends VBox {
    static final String PPO_WATCHES = "No warnings so far. Signals show here as they happen: KL too high or negative,"
            + " policy ratio far from 1, heavy clipping, entropy collapse, response length running away or"
            + " collapsing, reward flat while KL rises, answers without EOS.";
    private static final PseudoClass CRITICAL = PseudoClass.getPseudoClass("critical");

    HealthPanel(PpoLive live) {
        this(live.signals(), PPO_WATCHES);
    }

    /** @param watches the placeholder: what the panel watches for */
    public HealthPanel(javafx.collections.ObservableList<HealthSignal> signals, String watches) {
        super(6);
        getStyleClass().add("health-panel");
        setId("healthPanel");
        Label title = new Label();
        title.getStyleClass().add("section-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> signals.isEmpty() ? "Health"
                : "Health · " + signals.size() + (signals.size() == 1 ? " signal" : " signals"), signals));
        ListView<HealthSignal> list = new ListView<>(signals);
        list.setId("healthSignals");
        Label empty = new Label(watches);
        empty.setWrapText(true);
        empty.getStyleClass().add("hint");
        list.setPlaceholder(empty);
        list.setCellFactory(v -> new SignalCell(v));
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(title, list);
    }

    private static final class SignalCell extends ListCell<HealthSignal> {
        private final Label head = new Label();
        private final Label meaning = new Label();
        private final Label advice = new Label();
        private final VBox box = new VBox(2, head, meaning, advice);

        SignalCell(ListView<HealthSignal> list) {
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
        protected void updateItem(HealthSignal s, boolean empty) {
            super.updateItem(s, empty);
            if (empty || s == null) {
                setGraphic(null);
                return;
            }
            head.setText("Step " + s.step() + " · " + (s.severity() == HealthSignal.Severity.CRITICAL ? "⚠ " : "")
                    + s.title());
            head.pseudoClassStateChanged(CRITICAL, s.severity() == HealthSignal.Severity.CRITICAL);
            meaning.setText(s.meaning());
            advice.setText("Try: " + s.advice());
            setGraphic(box);
        }
    }
}
