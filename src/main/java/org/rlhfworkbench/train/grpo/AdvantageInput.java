package org.rlhfworkbench.train.grpo;

/**
 * What an advantage estimator works from. Token arrays are (B, R) row-major, padded with 0
 * beyond each row's length; rows b*k .. b*k+k-1 answer the same prompt.
 *
 * @param scores one reward per answer (B)
 * @param k answers per prompt
 * @param tokenRewards per-token rewards besides the score, e.g. -beta * KL when the KL sits in the
 *        reward; null for none
 * @param values V(s_t) from a critic, null without one
 * @param lengths real tokens per row
 * @param width R
 * @param gamma discount (token-level estimators)
 * @param lam GAE lambda
 */
public record AdvantageInput(double[] scores, int k, float[] tokenRewards, float[] values, int[] lengths, int width,
                             double gamma, double lam) {

    /** Outcome rewards only: no per-token rewards, no critic, gamma 1. */
    public static AdvantageInput outcome(double[] scores, int k, int[] lengths, int width) {
        return new AdvantageInput(scores, k, null, null, lengths, width, 1.0, 1.0);
    }

    int rows() {
        return lengths.length;
    }

    /** Score plus the row's per-token rewards: the answer's whole return (outcome estimators use this). */
    double sequenceReturn(int b) {
        double s = scores[b];
        if (tokenRewards != null) {
            for (int t = 0; t < lengths[b]; t++) {
                s += tokenRewards[b * width + t];
            }
        }
        return s;
    }

    /** The same value on every real token of each row. */
    float[] broadcast(double[] perRow) {
        float[] out = new float[rows() * width];
        for (int b = 0; b < rows(); b++) {
            for (int t = 0; t < lengths[b]; t++) {
                out[b * width + t] = (float) perRow[b];
            }
        }
        return out;
    }

    /** r_t: the per-token rewards with the score added on each row's last real token. */
    float[] tokenRewardsWithScore() {
        float[] r = tokenRewards == null ? new float[rows() * width] : tokenRewards.clone();
        for (int b = 0; b < rows(); b++) {
            if (lengths[b] > 0) {
                r[b * width + lengths[b] - 1] += (float) scores[b];
            }
        }
        return r;
    }
}
