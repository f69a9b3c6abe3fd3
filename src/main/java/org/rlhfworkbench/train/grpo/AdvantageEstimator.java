package org.rlhfworkbench.train.grpo;

import java.util.Locale;

/**
 * How an answer's tokens are credited: one implementation per estimator, chosen per run.
 * Outcome estimators (RLOO, GRPO, Dr. GRPO, REINFORCE++) need no critic and no value pass;
 * GAE needs V(s_t) from one (PPO).
 */
public interface AdvantageEstimator {
    /** (B, R) advantage of every response token; padding 0. */
    float[] advantages(AdvantageInput in);

    /** True when {@link AdvantageInput#values()} must come from a critic. */
    default boolean needsCritic() {
        return false;
    }

    /** grpo, dr_grpo, rloo, reinforce_pp (or reinforce++), gae. */
    static AdvantageEstimator parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT).replace('-', '_')) {
            case "grpo" -> new GroupNormalised(true);
            case "dr_grpo" -> new GroupNormalised(false);
            case "rloo" -> new Rloo();
            case "reinforce_pp", "reinforce++" -> new ReinforcePlusPlus();
            case "gae" -> new GaeEstimator();
            default -> throw new IllegalArgumentException("unknown advantage estimator " + name
                    + " (grpo, dr_grpo, rloo, reinforce_pp, gae)");
        };
    }
}
