package org.rlhfworkbench.train.reward;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;

/**
 * InstructGPT's K-way ranking loss on one prompt's rewards r (K):
 *   L = -1/P * sum over ordered pairs (w above l) of log sigmoid(r_w - r_l - m_wl)  +  c * mean(r^2)
 * with P the number of pairs (C(K,2) for a full ranking without ties), m the optional margin and
 * c the centring coefficient. log sigmoid(x) = min(x, 0) - log(1 + exp(-|x|)), stable for any x.
 */
public final class RewardLoss {
    private RewardLoss() {
    }

    public static NDArray of(NDArray rewards, List<int[]> pairs, double[] margins, double centerCoef, NDManager m) {
        long[] w = new long[pairs.size()];
        long[] l = new long[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            w[i] = pairs.get(i)[0];
            l[i] = pairs.get(i)[1];
        }
        NDArray diff = rewards.take(m.create(w)).sub(rewards.take(m.create(l)));    // (P)
        if (margins != null) {
            diff = diff.sub(m.create(toFloats(margins)));
        }
        NDArray logSig = diff.minimum(m.create(0f)).sub(diff.abs().neg().exp().add(m.create(1f)).log()); // (P)
        NDArray loss = logSig.mean().neg();
        if (centerCoef > 0) {
            loss = loss.add(rewards.square().mean().mul(m.create((float) centerCoef)));
        }
        return loss;
    }

    private static float[] toFloats(double[] a) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) a[i];
        }
        return out;
    }
}
