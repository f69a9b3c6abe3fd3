package org.rlhfworkbench.train.grpo;

/**
 * GRPO's group-relative advantage (Shao et al. 2024), the same for every token of answer i:
 *   A_i = (s_i - mean_g(s)) / (std_g(s) + eps)      std: sample std (n - 1) as torch.std, eps 1e-4 (TRL)
 * or with {@code scaleByStd} false, Dr. GRPO's A_i = s_i - mean_g(s) (Liu et al. 2025: the std
 * weights easy and hard prompts unequally). s_i is the answer's whole return.
 */
public final class GroupNormalised implements AdvantageEstimator {
    static final double EPS = 1e-4;
    private final boolean scaleByStd;

    public GroupNormalised(boolean scaleByStd) {
        this.scaleByStd = scaleByStd;
    }

    @Override
    public float[] advantages(AdvantageInput in) {
        int n = in.rows();
        int k = in.k();
        if (n % k != 0) {
            throw new IllegalArgumentException(n + " answers do not split into groups of " + k);
        }
        double[] a = new double[n];
        for (int g = 0; g < n; g += k) {
            double mean = 0;
            for (int i = g; i < g + k; i++) {
                mean += in.sequenceReturn(i) / k;
            }
            double ss = 0;
            for (int i = g; i < g + k; i++) {
                ss += Math.pow(in.sequenceReturn(i) - mean, 2);
            }
            double std = k < 2 ? 0 : Math.sqrt(ss / (k - 1));
            for (int i = g; i < g + k; i++) {
                double d = in.sequenceReturn(i) - mean;
                a[i] = scaleByStd ? d / (std + EPS) : d;
            }
        }
        return in.broadcast(a);
    }
}
