package org.rlhfworkbench.ui.ppo;

import java.util.HashSet;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.rlhfworkbench.core.RunRecord;
import org.rlhfworkbench.core.RunStatus;

/**
 * The newest PPO run that did not finish (stopped, or left running or paused when the app closed)
 * and can continue from its checkpoint: offered for resuming while no run is active, until dismissed.
 */
public final class UnfinishedRun {
    private final ObservableList<RunRecord> runs;
    private final java.util.function.LongFunction<Long> checkpointStep;
    private final ObjectProperty<RunRecord> run = new SimpleObjectProperty<>(this, "run");
    private final Set<Long> dismissed = new HashSet<>();
    private boolean active;

    UnfinishedRun(ObservableList<RunRecord> runs) {
        this(runs, id -> null);
    }

    /** @param checkpointStep the step a run's checkpoint continues from, null when it saved none */
    UnfinishedRun(ObservableList<RunRecord> runs, java.util.function.LongFunction<Long> checkpointStep) {
        this.runs = runs;
        this.checkpointStep = checkpointStep;
        runs.addListener((ListChangeListener.Change<? extends RunRecord> c) -> update());
    }

    void runActive(boolean on) {
        active = on;
        update();
    }

    /** Stops offering the run offered now. */
    public void dismiss() {
        if (run.get() != null) {
            dismissed.add(run.get().id());
            update();
        }
    }

    private void update() {
        RunRecord offer = null;
        if (!active) {
            // the list is newest first; the offer is the newest run, and only if it is unfinished
            RunRecord newest = runs.isEmpty() ? null : runs.get(0);
            if (newest != null && resumable(newest.status()) && !dismissed.contains(newest.id())) {
                offer = newest;
            }
        }
        run.set(offer);
    }

    static boolean resumable(RunStatus s) {
        return s == RunStatus.CANCELLED || s == RunStatus.RUNNING || s == RunStatus.PAUSED || s == RunStatus.QUEUED;
    }

    /** The run offered for resuming, or null. */
    public ObjectProperty<RunRecord> runProperty() {
        return run;
    }

    /** The step the offered run's checkpoint continues from, or null when it saved none. */
    public Long offeredStep() {
        return run.get() == null ? null : checkpointStep.apply(run.get().id());
    }

    /** The offer's line, with the step it resumes from, or the plain truth when there is no checkpoint. */
    public String describeOffer() {
        return run.get() == null ? "" : describe(run.get(), offeredStep());
    }

    /** The offer's button: "Resume from step 120", or "Start again" without a checkpoint. */
    public String actionLabel() {
        return run.get() == null ? "" : offeredStep() == null ? "Start again from step 0" : "Resume from step " + offeredStep();
    }

    /** A line for the offer when the run's checkpoint is unknown: says it continues from its last checkpoint. */
    public static String describe(RunRecord r) {
        return describe(r, -1L);
    }

    /**
     * "PPO run 4 was stopped at its checkpoint of step 120. Continue it from there?", or, with
     * {@code step} null, "... it saved no checkpoint yet. Start it again from step 0 with the same settings?"
     */
    public static String describe(RunRecord r, Long step) {
        String how = r.status() == RunStatus.CANCELLED ? "was stopped" : "did not finish (the app closed while it was "
                + r.status().dbName() + ")";
        if (step == null) {
            return "PPO run " + r.id() + " " + how + " before its first checkpoint, so there is nothing to continue."
                    + " Start it again from step 0 with the same settings?";
        }
        return "PPO run " + r.id() + " " + how + ". Continue it from its last checkpoint"
                + (step >= 0 ? " (step " + step + ")?" : "?");
    }
}
