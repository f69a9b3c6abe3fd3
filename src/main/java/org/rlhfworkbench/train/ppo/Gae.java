package org.rlhfworkbench.train.ppo;

/**
 * Generalised advantage estimation over each response's real tokens (Schulman et al. 2016):
 *   delta_t = r_t + gamma V_{t+1} - V_t   (V after the last token is 0)
 *   A_t     = delta_t + gamma lambda A_{t+1}
 *   returns = A + V
 * Arrays are (B, T) row-major with per-row lengths; padding stays 0.
 */
public final class Gae {
    private Gae() {
    }

    /** Returns {advantages, returns}. */
    public static float[][] compute(float[] rewards, float[] values, int[] lengths, int width, double gamma,
                                    double lam) {
        float[] adv = new float[rewards.length];
        float[] ret = new float[rewards.length];
        for (int b = 0; b < lengths.length; b++) {
            double next = 0;
            double nextValue = 0;
            for (int t = lengths[b] - 1; t >= 0; t--) {
                int i = b * width + t;
                double delta = rewards[i] + gamma * nextValue - values[i];
                next = delta + gamma * lam * next;
                adv[i] = (float) next;
                ret[i] = (float) (next + values[i]);
                nextValue = values[i];
            }
        }
        return new float[][] {adv, ret};
    }

    /** Whitens advantages over all real tokens: (A - mean) / (std + 1e-8); padding stays 0. */
    public static void whiten(float[] adv, int[] lengths, int width) {
        double sum = 0;
        double sq = 0;
        long n = 0;
        for (int b = 0; b < lengths.length; b++) {
            for (int t = 0; t < lengths[b]; t++) {
                sum += adv[b * width + t];
                n++;
            }
        }
        double mean = n == 0 ? 0 : sum / n;
        for (int b = 0; b < lengths.length; b++) {
            for (int t = 0; t < lengths[b]; t++) {
                double d = adv[b * width + t] - mean;
                sq += d * d;
            }
        }
        double std = n < 2 ? 1 : Math.sqrt(sq / (n - 1));
        for (int b = 0; b < lengths.length; b++) {
            for (int t = 0; t < lengths[b]; t++) {
                int i = b * width + t;
                adv[i] = (float) ((adv[i] - mean) / (std + 1e-8));
            }
        }
    }
}
