package org.rlhfworkbench.train.run;

import java.util.Map;

/**
 * Where a run is, saved with every checkpoint: the next step to run, AdamW's step count, and any
 * trainer-specific numbers (PPO's KL coefficient). Data order and sampling seeds are pure
 * functions of (seed, step), so the step alone restores them.
 */
public record TrainState(long step, long optimizerSteps, long seed, Map<String, Double> extra) {
    public TrainState {
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    public TrainState(long step, long optimizerSteps, long seed) {
        this(step, optimizerSteps, seed, Map.of());
    }
}
