package org.rlhfworkbench.train.grpo;

import ai.djl.ndarray.NDArray;
import org.rlhfworkbench.core.config.GrpoConfig;
import org.rlhfworkbench.lm.nd.Scalars;

/**
 * The clipped surrogate of the GRPO family, per token (B, R), before aggregation:
 *   r   = exp(logp - logp_old)                       token ratio (GRPO, DAPO), or with GSPO
 *   r_i = exp(sum_t m (logp - logp_old) / sum_t m)   one ratio per answer, broadcast over its tokens
 *   l   = -min(r A, clip(r, 1 - eps_low, 1 + eps_high) A)
 *   l  += beta * k3,  k3 = exp(ref - logp) - (ref - logp) - 1   when the KL is a loss term (beta > 0)
 * Constants come from {@link Scalars} (DJL-NOTES pitfall 1); clip() takes scalars natively.
 */
public final class PolicyLoss {
    private PolicyLoss() {
    }

    /** Per-token loss; {@code ref} null leaves the KL term out. */
    public static NDArray perToken(NDArray logp, NDArray oldLogp, NDArray adv, NDArray mask, NDArray ref,
                                   GrpoConfig.Algorithm a, Scalars c) {
        NDArray ratio = ratio(logp, oldLogp, mask, a.sequenceRatio(), c);                    // (B, R) or (B, 1)
        NDArray unclipped = ratio.mul(adv);                                                   // (B, R)
        NDArray clipped = ratio.clip(1 - a.epsilonLow(), 1 + a.epsilonHigh()).mul(adv);      // (B, R)
        NDArray loss = unclipped.minimum(clipped).neg();                                      // (B, R)
        if (ref != null && a.klInLoss() && a.beta() > 0) {
            loss = loss.add(k3(logp, ref, c).mul(c.of((float) a.beta())));
        }
        return loss;
    }

    /** exp(log ratio) per token, or with {@code sequence} the answer's mean log ratio, shape (B, 1). */
    public static NDArray ratio(NDArray logp, NDArray oldLogp, NDArray mask, boolean sequence, Scalars c) {
        NDArray logRatio = logp.sub(oldLogp);                                                 // (B, R)
        if (!sequence) {
            return logRatio.exp();
        }
        NDArray perSeq = logRatio.mul(mask).sum(new int[] {1}, true)                          // (B, 1)
                .div(mask.sum(new int[] {1}, true).maximum(c.of(1f)));
        return perSeq.exp();                                                                  // (B, 1)
    }

    /** k3 = exp(ref - logp) - (ref - logp) - 1 per token (Schulman's unbiased, non-negative estimator). */
    public static NDArray k3(NDArray logp, NDArray ref, Scalars c) {
        NDArray d = ref.sub(logp);                                                            // (B, R)
        return d.exp().sub(d).sub(c.of(1f));
    }
}
