package org.rlhfworkbench.train.ppo;

/**
 * Per-token estimates of KL(pi || pi_ref) from a sampled token (Schulman's note "Approximating
 * KL divergence"), with log r = logp_ref - logp:
 *   k1 = -log r = logp - logp_ref          (unbiased, can be negative)
 *   k3 = (r - 1) - log r                   (unbiased, always >= 0, lower variance)
 */
public enum KlEstimator {
    K1, K3;

    public static KlEstimator parse(String s) {
        return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
    }

    public double estimate(double logp, double refLogp) {
        double logR = refLogp - logp;
        return this == K1 ? -logR : Math.expm1(logR) - logR;
    }
}
