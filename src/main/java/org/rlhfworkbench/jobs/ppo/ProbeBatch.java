package org.rlhfworkbench.jobs.ppo;

import java.util.List;
import org.rlhfworkbench.core.config.ProbeSample;

/** The probe prompts as re-sampled at one step of an RL run. */
public record ProbeBatch(long step, List<ProbeSample> samples) {
    public ProbeBatch {
        samples = List.copyOf(samples);
    }
}
