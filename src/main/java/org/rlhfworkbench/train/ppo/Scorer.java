package org.rlhfworkbench.train.ppo;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import java.util.List;
import org.rlhfworkbench.train.reward.RewardModel;

/** Scores whole responses for PPO step 2: a reward model, or any other judge (e.g. a rubric in tests). */
@FunctionalInterface
public interface Scorer {
    /** One score per (prompt, response) row, already normalised. */
    float[] score(List<int[]> prompts, List<int[]> responses);

    /** A reward model with its saved statistics: (r - mean) / std. */
    static Scorer of(RewardModel rm, double mean, double std) {
        return (prompts, responses) -> {
            float[] raw;
            try (NDManager m = rm.backbone().manager().newSubManager(); NDScope scope = new NDScope()) {
                raw = rm.rewards(prompts, responses, m).toFloatArray();
            }
            for (int i = 0; i < raw.length; i++) {
                raw[i] = (float) ((raw[i] - mean) / std);
            }
            return raw;
        };
    }
}
