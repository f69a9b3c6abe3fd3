package org.rlhfworkbench.train.reward;

import java.util.List;

/**
 * Held-out evaluation: pairwise accuracy (share of ordered pairs with r_w > r_l), mean margin
 * r_w - r_l, and the mean / std of all rewards (saved with the model to normalise PPO rewards).
 */
public record RewardEval(double accuracy, double meanMargin, double rewardMean, double rewardStd, int pairs) {

    public static RewardEval of(RewardModel rm, List<RankedGroup> groups) {
        long correct = 0;
        long pairs = 0;
        double marginSum = 0;
        double sum = 0;
        double sumSq = 0;
        long n = 0;
        for (RankedGroup g : groups) {
            float[] r = rm.score(g);
            for (float x : r) {
                sum += x;
                sumSq += (double) x * x;
                n++;
            }
            for (int[] p : g.pairs()) {
                double d = r[p[0]] - r[p[1]];
                marginSum += d;
                correct += d > 0 ? 1 : 0;
                pairs++;
            }
        }
        double mean = n == 0 ? 0 : sum / n;
        double std = n == 0 ? 1 : Math.sqrt(Math.max(0, sumSq / n - mean * mean));
        return new RewardEval(pairs == 0 ? Double.NaN : (double) correct / pairs,
                pairs == 0 ? Double.NaN : marginSum / pairs, mean, std, (int) pairs);
    }
}
