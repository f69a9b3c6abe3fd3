package org.rlhfworkbench.train.grpo;

import org.rlhfworkbench.train.ppo.Baseline;

/**
 * RLOO (Ahmadian et al. 2024): each answer's return minus the mean of the other k - 1 answers'
 * returns, the same for every token of the answer:
 *   A_i = s_i - (1 / (k - 1)) sum_{j != i} s_j
 */
public final class Rloo implements AdvantageEstimator {
    @Override
    public float[] advantages(AdvantageInput in) {
        float[] returns = new float[in.rows()];
        for (int b = 0; b < returns.length; b++) {
            returns[b] = (float) in.sequenceReturn(b);
        }
        float[] loo = Baseline.leaveOneOut(returns, in.k());
        double[] a = new double[loo.length];
        for (int b = 0; b < a.length; b++) {
            a[b] = loo[b];
        }
        return in.broadcast(a);
    }
}
