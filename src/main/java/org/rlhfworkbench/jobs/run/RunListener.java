package org.rlhfworkbench.jobs.run;

import java.util.List;
import org.rlhfworkbench.core.MetricPoint;
import org.rlhfworkbench.core.RunStatus;
import org.rlhfworkbench.core.config.ProbeSample;

/**
 * Receives a run's events on the training thread. The GUI queues them and draws on the
 * animation pulse; the CLI prints a progress bar.
 */
public interface RunListener {
    RunListener NONE = new RunListener() { };

    default void onMetric(MetricPoint point) {
    }

    default void onProgress(long step, long total, double tokensPerSecond, double etaSeconds) {
    }

    default void onStatus(RunStatus status, String error) {
    }

    default void onLog(String line) {
    }

    /** Probe prompts re-sampled at {@code step} (RL runs): policy and reference answers with RM scores. */
    default void onSamples(long step, List<ProbeSample> samples) {
    }
}
