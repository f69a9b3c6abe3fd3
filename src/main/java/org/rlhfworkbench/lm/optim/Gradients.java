package org.rlhfworkbench.lm.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.Collection;

/** Gradient bookkeeping: enable, clip by global norm, zero. */
public final class Gradients {
    private Gradients() {
    }

    /** Makes every parameter a leaf that collects gradients. */
    public static void enable(Collection<NDArray> params) {
        for (NDArray p : params) {
            p.setRequiresGradient(true);
        }
    }

    /**
     * Global-norm clipping (as torch.nn.utils.clip_grad_norm_): with n = sqrt(sum ||g||^2),
     * every gradient is scaled by max / n when n > max. Returns n before clipping (NaN if any is).
     */
    public static double clipGlobalNorm(Collection<NDArray> params, float max) {
        double total;
        try (NDScope scope = new NDScope()) {
            NDArray sum = null;
            for (NDArray p : params) {
                if (!p.hasGradient()) {
                    continue;
                }
                NDArray g = p.getGradient();
                NDArray sq = g.square().sum();
                sum = sum == null ? sq : sum.add(sq);
            }
            total = sum == null ? 0 : Math.sqrt(sum.getFloat());
        }
        if (max > 0 && total > max) {
            float scale = (float) (max / (total + 1e-6));
            for (NDArray p : params) {
                if (p.hasGradient()) {
                    try (NDArray g = p.getGradient()) {
                        g.muli(scale);
                    }
                }
            }
        }
        return total;
    }

    /** Sets every gradient to zero (PyTorch accumulates them across backward calls). */
    public static void zero(Collection<NDArray> params) {
        for (NDArray p : params) {
            if (p.hasGradient()) {
                JniUtils.zeroGrad((PtNDArray) p);
            }
        }
    }
}
