package org.rlhfworkbench.train.run;

/**
 * Where a run is, saved with every checkpoint: the next step to run and AdamW's step count.
 * Data order is a pure function of (seed, epoch), so the step alone restores it.
 */
public record TrainState(long step, long optimizerSteps, long seed) {
}
