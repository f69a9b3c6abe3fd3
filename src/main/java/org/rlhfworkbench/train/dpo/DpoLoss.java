package org.rlhfworkbench.train.dpo;

import ai.djl.ndarray.NDArray;
import org.rlhfworkbench.core.config.DpoConfig;
import org.rlhfworkbench.lm.nd.Scalars;

/**
 * The preference losses on P pairs, from sequence log-probs of the policy and the reference:
 *   h = (logp_w - logp_ref_w) - (logp_l - logp_ref_l)                      (P)
 *   DPO:  L = -(1 - eps) log sigmoid(beta h) - eps log sigmoid(-beta h)   (eps = 0: plain DPO; eps > 0: cDPO)
 *   IPO:  L = (h - 1/(2 beta))^2
 * averaged over the pairs. log sigmoid(x) = min(x, 0) - log(1 + exp(-|x|)), stable for any x.
 * Every constant is a {@link Scalars} array (DJL-NOTES pitfall 1).
 */
public final class DpoLoss {
    /**
     * TRL's logged numbers for a batch: rewards are beta * (logp - logp_ref); accuracies the share
     * of pairs whose chosen reward is higher; logps the mean sequence log-probs of the policy.
     */
    public record Stats(double loss, double rewardsChosen, double rewardsRejected, double margins, double accuracies,
                        double logpsChosen, double logpsRejected) {
    }

    private DpoLoss() {
    }

    /** The mean loss; all arguments (P), references without gradient. */
    public static NDArray of(NDArray logpW, NDArray logpL, NDArray refW, NDArray refL, DpoConfig cfg, Scalars c) {
        NDArray h = logpW.sub(refW).sub(logpL.sub(refL));                                  // (P)
        if (cfg.ipo()) {
            return h.sub(c.of((float) (1 / (2 * cfg.beta())))).square().mean();          // scalar
        }
        NDArray z = h.mul(c.of((float) cfg.beta()));                                       // (P) beta h
        NDArray loss = logSigmoid(z, c).neg();                                             // (P)
        if (cfg.labelSmoothing() > 0) {
            float eps = (float) cfg.labelSmoothing();
            loss = loss.mul(c.of(1 - eps)).sub(logSigmoid(z.neg(), c).mul(c.of(eps)));    // (P)
        }
        return loss.mean();
    }

    /** log sigmoid(x) = min(x, 0) - log(1 + exp(-|x|)). */
    static NDArray logSigmoid(NDArray x, Scalars c) {
        return x.minimum(c.of(0f)).sub(x.abs().neg().exp().add(c.of(1f)).log());
    }

    /** The logged statistics from per-pair numbers (policy and reference sequence log-probs). */
    public static Stats stats(double loss, float[] logpW, float[] logpL, double[] refW, double[] refL, double beta) {
        int n = logpW.length;
        double rw = 0;
        double rl = 0;
        double acc = 0;
        double lw = 0;
        double ll = 0;
        for (int i = 0; i < n; i++) {
            double a = beta * (logpW[i] - refW[i]);
            double b = beta * (logpL[i] - refL[i]);
            rw += a;
            rl += b;
            acc += a > b ? 1 : 0;
            lw += logpW[i];
            ll += logpL[i];
        }
        return new Stats(loss, rw / n, rl / n, (rw - rl) / n, acc / n, lw / n, ll / n);
    }
}
