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
    private final ObjectProperty<RunRecord> run = new SimpleObjectProperty<>(this, "run");
    private final Set<Long> dismissed = new HashSet<>();
    private boolean active;

    UnfinishedRun(ObservableList<RunRecord> runs) {
        this.runs = runs;
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

    /** A line for the offer, e.g. "PPO run 4 did not finish (cancelled). Continue it from its last checkpoint?" */
    public static String describe(RunRecord r) {
        String how = r.status() == RunStatus.CANCELLED ? "was stopped" : "did not finish (the app closed while it was "
                + r.status().dbName() + ")";
        return "PPO run " + r.id() + " " + how + ". Continue it from its last checkpoint?";
    }
}
