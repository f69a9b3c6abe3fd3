package org.rlhfworkbench.train.dpo;

import org.rlhfworkbench.lm.model.CausalLm;

/**
 * Where online DPO hands each round's data and policy (the job stores them in the project). Both
 * calls may repeat for the same iteration after a resume, so implementations must be idempotent.
 */
public interface IterationSink {
    IterationSink NONE = new IterationSink() {
    };

    /** The round's samples, scores and pairs, before any training on them. */
    default void generated(OnlineIteration data) {
    }

    /** The policy at the end of round {@code iteration} (0-based). */
    default void finished(int iteration, CausalLm policy) {
    }
}
