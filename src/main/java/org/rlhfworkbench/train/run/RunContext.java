package org.rlhfworkbench.train.run;

import java.nio.file.Path;
import org.rlhfworkbench.core.config.ProbeSample;

/**
 * What a trainer sees of the job running it: where to keep its checkpoint, where metrics go,
 * and whether to pause or stop. Trainers call {@link #shouldStop()} once per step.
 */
public interface RunContext {

    /** runs/&lt;id&gt;/ of this run. */
    Path dir();

    /** Records one metric value (TRL's names where they exist: loss, lr, eval/accuracy ...). */
    void metric(long step, String name, double value);

    /** Reports progress; tokens per second over the run so far. */
    void progress(long step, long total, double tokensPerSecond);

    /** Blocks while the run is paused; true when it was cancelled (stop after saving). */
    boolean shouldStop();

    /** A line for the run's log (shown in the GUI and printed by the CLI). */
    void log(String message);

    /** Probe prompts re-sampled at {@code step} (RL trainers); ignored by default. */
    default void samples(long step, java.util.List<ProbeSample> samples) {
    }
}
