package org.rlhfworkbench.train.grpo;

import ai.djl.ndarray.NDArray;
import java.util.Locale;
import org.rlhfworkbench.lm.nd.Scalars;

/**
 * How per-token losses l (B, R) with mask m become one number (TRL's loss_type):
 *   TOKEN_MEAN     sum(l m) / sum(m)                          DAPO: every token weighs the same
 *   SEQUENCE_MEAN  (1/B) sum_i sum_t l m / max(1, sum_t m)    GRPO: every answer weighs the same
 *   CONSTANT       sum(l m) / (B * L_max)                     Dr. GRPO: no length bias
 */
public enum LossAggregation {
    TOKEN_MEAN, SEQUENCE_MEAN, CONSTANT;

    public static LossAggregation parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }

    /** {@code maxLength} is L_max (the answer length cap) for CONSTANT. Constants come from {@code c}. */
    public NDArray aggregate(NDArray perToken, NDArray mask, int maxLength, Scalars c) {
        NDArray masked = perToken.mul(mask);                                                  // (B, R)
        return switch (this) {
            case TOKEN_MEAN -> masked.sum().div(mask.sum().maximum(c.of(1f)));
            case SEQUENCE_MEAN -> masked.sum(new int[] {1}).div(mask.sum(new int[] {1}).maximum(c.of(1f))).mean();
            case CONSTANT -> masked.sum().div(c.of((float) perToken.getShape().get(0) * maxLength));
        };
    }
}
