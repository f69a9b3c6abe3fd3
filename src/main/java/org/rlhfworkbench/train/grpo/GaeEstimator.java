package org.rlhfworkbench.train.grpo;

import org.rlhfworkbench.train.ppo.Gae;

/**
 * PPO's estimator: GAE over per-token rewards with V(s_t) from a critic, whitened over the batch
 * ({@link Gae}). Only a trainer with a critic can use it (rlhf ppo); the GRPO trainer refuses it.
 */
public final class GaeEstimator implements AdvantageEstimator {
    @Override
    public boolean needsCritic() {
        return true;
    }

    @Override
    public float[] advantages(AdvantageInput in) {
        if (in.values() == null) {
            throw new IllegalArgumentException("GAE needs values from a critic; use rlhf ppo, or an outcome estimator"
                    + " (grpo, dr_grpo, rloo, reinforce_pp)");
        }
        float[] adv = Gae.compute(in.tokenRewardsWithScore(), in.values(), in.lengths(), in.width(), in.gamma(),
                in.lam())[0];
        Gae.whiten(adv, in.lengths(), in.width());
        return adv;
    }
}
