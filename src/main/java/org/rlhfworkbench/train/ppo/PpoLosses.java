package org.rlhfworkbench.train.ppo;

import ai.djl.ndarray.NDArray;

/**
 * PPO's clipped objectives as masked means over real response tokens (shapes (B, R)):
 *   policy: mean max(-A r, -A clip(r, 1 - eps, 1 + eps)),  r = exp(logp - logp_old)
 *   value:  mean max((V - R)^2, (clip(V, V_old - c, V_old + c) - R)^2)   (the caller scales by 0.5 vf_coef)
 * Every constant is an NDArray made by the caller (DJL-NOTES pitfall 1); clip() takes scalars
 * natively and allocates none.
 */
public final class PpoLosses {
    private PpoLosses() {
    }

    /** Masked mean: sum(x * mask) / sum(mask). */
    static NDArray mean(NDArray x, NDArray mask) {
        return x.mul(mask).sum().div(mask.sum());
    }

    public static NDArray policy(NDArray logp, NDArray oldLogp, NDArray adv, NDArray mask, double eps) {
        NDArray ratio = logp.sub(oldLogp).exp();                                   // (B, R)
        NDArray unclipped = adv.neg().mul(ratio);
        NDArray clipped = adv.neg().mul(ratio.clip(1 - eps, 1 + eps));
        return mean(unclipped.maximum(clipped), mask);
    }

    /** vLow = V_old - c and vHigh = V_old + c, precomputed (constants). */
    public static NDArray value(NDArray v, NDArray vLow, NDArray vHigh, NDArray returns, NDArray mask) {
        NDArray unclipped = v.sub(returns).square();
        NDArray clipped = v.maximum(vLow).minimum(vHigh).sub(returns).square();
        return mean(unclipped.maximum(clipped), mask);
    }
}
