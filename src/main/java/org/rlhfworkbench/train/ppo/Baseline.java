package org.rlhfworkbench.train.ppo;

/**
 * The leave-one-out baseline of RLOO (Ahmadian et al. 2024; Kool et al. 2019): with k answers per
 * prompt in consecutive rows, answer i's score becomes
 *   s_i - (1 / (k - 1)) sum_{j != i} s_j
 * an unbiased advantage whose expectation no longer depends on how hard the prompt is.
 */
public final class Baseline {
    private Baseline() {
    }

    /** Scores in groups of k consecutive rows; k = 1 returns a copy unchanged. */
    public static float[] leaveOneOut(float[] scores, int k) {
        float[] out = scores.clone();
        if (k < 2) {
            return out;
        }
        if (scores.length % k != 0) {
            throw new IllegalArgumentException(scores.length + " scores do not split into groups of " + k);
        }
        for (int g = 0; g < scores.length; g += k) {
            double sum = 0;
            for (int i = g; i < g + k; i++) {
                sum += scores[i];
            }
            for (int i = g; i < g + k; i++) {
                out[i] = (float) (scores[i] - (sum - scores[i]) / (k - 1));
            }
        }
        return out;
    }
}
