package org.rlhfworkbench.ui.charts;

import javafx.beans.binding.BooleanBinding;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.rlhfworkbench.core.RunStatus;

/** Start / Pause / Resume / Cancel for one training screen, and its status line. */
public final class TrainControls extends VBox {
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    /** @param start builds and starts a run from the screen's settings */
    public TrainControls(TrainingRunner runner, Runnable start) {
        super(6);
        getStyleClass().add("train-controls");
        Button startButton = button("Start", "startRun", start);
        startButton.setDefaultButton(false);
        startButton.disableProperty().bind(runner.activeProperty());
        BooleanBinding running = runner.statusProperty().isEqualTo(RunStatus.RUNNING);
        BooleanBinding paused = runner.statusProperty().isEqualTo(RunStatus.PAUSED);
        Button pause = button("Pause", "pauseRun", runner::pause);
        pause.disableProperty().bind(running.not());
        Button resume = button("Resume", "resumeRun", runner::resumePaused);
        resume.disableProperty().bind(paused.not());
        Button cancel = button("Cancel", "cancelRun", runner::cancel);
        BooleanBinding queued = runner.statusProperty().isEqualTo(RunStatus.QUEUED);
        cancel.disableProperty().bind(running.or(paused).or(queued).not());
        Label status = new Label();
        status.setId("runStatus");
        status.getStyleClass().add("run-status");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(runner.library().statusLineProperty());
        runner.library().errorProperty().addListener((obs, old, now) -> status.pseudoClassStateChanged(ERROR, now));
        getChildren().addAll(new HBox(6, startButton, pause, resume, cancel), status);
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }
}
