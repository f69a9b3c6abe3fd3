package org.rlhfworkbench.train.grpo;

import org.rlhfworkbench.train.ppo.Gae;

/**
 * REINFORCE++ (Hu 2025): no critic; each token's return, whitened over every token of the batch
 * (global normalisation instead of a per-prompt baseline):
 *   r_t = tokenReward_t (+ s on the last token),  G_t = sum_{t' >= t} gamma^(t' - t) r_t'
 *   A_t = (G_t - mean(G)) / (std(G) + 1e-8)      over all real tokens, sample std (n - 1)
 */
public final class ReinforcePlusPlus implements AdvantageEstimator {
    @Override
    public float[] advantages(AdvantageInput in) {
        float[] r = in.tokenRewardsWithScore();
        float[] g = new float[r.length];
        for (int b = 0; b < in.rows(); b++) {
            double next = 0;
            for (int t = in.lengths()[b] - 1; t >= 0; t--) {
                int i = b * in.width() + t;
                next = r[i] + in.gamma() * next;
                g[i] = (float) next;
            }
        }
        Gae.whiten(g, in.lengths(), in.width());
        return g;
    }
}
