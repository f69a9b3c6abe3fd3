package org.rlhfworkbench.jobs.run;

import java.time.Duration;
import java.util.Optional;

/**
 * One training run at a time per process: DJL's PyTorch engine allows one gradient collector,
 * so a second run would fail inside the library ("A PtGradientCollector is already collecting")
 * and leave a failed run behind. {@link Jobs} takes the slot before it writes anything and gives
 * it back when the run's thread ends, so a refused start leaves no trace.
 */
public final class TrainingSlot {
    private static ActiveRun holder;

    /** The run holding the slot: its id, kind ("sft", "ppo", ...) and project folder. */
    public record ActiveRun(long runId, String kind, java.nio.file.Path project) {
        /** "run 3 (ppo) in sample" */
        public String describe() {
            return "run " + runId + " (" + kind + ") in " + project.getFileName();
        }
    }

    /** A second start while a run trains; the message says which run and what to do. */
    public static final class BusyException extends IllegalStateException {
        private final transient ActiveRun running;

        BusyException(ActiveRun running, String wanted) {
            super("Cannot start " + wanted + ": " + running.describe() + " is training, and one run trains at a"
                    + " time. Stop it (it keeps a checkpoint) or wait until it ends, then start again.");
            this.running = running;
        }

        public ActiveRun running() {
            return running;
        }
    }

    private TrainingSlot() {
    }

    /** The run training now, if any. */
    public static synchronized Optional<ActiveRun> active() {
        return Optional.ofNullable(holder);
    }

    /** Takes the slot for a run about to start, or throws {@link BusyException} naming the run that holds it. */
    static synchronized void take(String wanted) {
        if (holder != null) {
            throw new BusyException(holder, wanted);
        }
        holder = new ActiveRun(-1, wanted, java.nio.file.Path.of("."));
    }

    /** Names the run that took the slot once its id is known. */
    static synchronized void name(ActiveRun run) {
        holder = run;
    }

    /** Gives the slot back (idempotent: only the holder's run id frees it). */
    static synchronized void release(long runId) {
        if (holder != null && holder.runId() == runId) {
            abandon();
        }
    }

    /** Frees the slot taken by a start that failed before its thread began (the caller holds it). */
    static synchronized void abandon() {
        holder = null;
        TrainingSlot.class.notifyAll();
    }

    /** Waits until no run trains, at most {@code timeout}; true when idle. For quitting after a stop. */
    public static synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (holder != null) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TrainingSlot.class.wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
