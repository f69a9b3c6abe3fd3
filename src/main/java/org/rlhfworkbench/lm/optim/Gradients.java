package org.rlhfworkbench.lm.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
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
        double total = globalNorm(params);
        float scale = clipScale(total, max);
        if (scale != 1f) {
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

    /**
     * n = ||(||g_1||, ..., ||g_k||)||_2 over the parameters that have a gradient, as
     * clip_grad_norm_ computes it: one norm per tensor, then the norm of their stack (two engine
     * calls a tensor, not four). NaN or infinite when any gradient is.
     */
    public static double globalNorm(Collection<NDArray> params) {
        try (NDScope scope = new NDScope()) {
            NDList norms = new NDList();
            for (NDArray p : params) {
                if (p.hasGradient()) {
                    norms.add(p.getGradient().norm());                  // ||g_i||_2, a scalar
                }
            }
            return norms.isEmpty() ? 0 : NDArrays.stack(norms).norm().getFloat();
        }
    }

    /** The factor clip_grad_norm_ multiplies gradients by: max / (n + 1e-6) when n > max, else 1. */
    public static float clipScale(double norm, float max) {
        return max > 0 && norm > max ? (float) (max / (norm + 1e-6)) : 1f;
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
