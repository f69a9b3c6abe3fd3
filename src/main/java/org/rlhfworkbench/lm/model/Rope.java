package org.rlhfworkbench.lm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Rotary position embedding as in HF Llama: inv_freq_i = theta^(-2i/d), angle = pos * inv_freq,
 * cos/sin of cat(angle, angle); x' = x cos + rotate_half(x) sin with
 * rotate_half(x) = cat(-x[d/2:], x[:d/2]), written as one matmul with a fixed signed permutation.
 */
final class Rope {
    private final int dim;
    private final double[] invFreq;

    Rope(int headDim, double theta) {
        this.dim = headDim;
        this.invFreq = new double[headDim / 2];
        for (int i = 0; i < headDim / 2; i++) {
            invFreq[i] = 1.0 / Math.pow(theta, (2.0 * i) / headDim);
        }
    }

    /** cos and sin tables (B, 1, T, d) for the given position ids (B, T). */
    NDArray[] cosSin(NDManager m, long[] positions, int batch, int t) {
        float[] cos = new float[batch * t * dim];
        float[] sin = new float[batch * t * dim];
        for (int r = 0; r < batch * t; r++) {
            for (int i = 0; i < dim / 2; i++) {
                double angle = positions[r] * invFreq[i];
                float cv = (float) Math.cos(angle);
                float sv = (float) Math.sin(angle);
                cos[r * dim + i] = cv;
                cos[r * dim + i + dim / 2] = cv;
                sin[r * dim + i] = sv;
                sin[r * dim + i + dim / 2] = sv;
            }
        }
        Shape shape = new Shape(batch, 1, t, dim);
        return new NDArray[] {m.create(cos, shape), m.create(sin, shape)};
    }

    /** The (d, d) matrix R with x R = rotate_half(x). */
    NDArray rotateHalfMatrix(NDManager m) {
        float[] r = new float[dim * dim];
        int half = dim / 2;
        for (int i = 0; i < half; i++) {
            r[(i + half) * dim + i] = -1f;  // out[i] = -x[i + d/2]
            r[i * dim + i + half] = 1f;     // out[i + d/2] = x[i]
        }
        return m.create(r, new Shape(dim, dim));
    }

    /** x (B, n, T, d) rotated: x * cos + (x R) * sin. */
    static NDArray apply(NDArray x, NDArray cos, NDArray sin, NDArray rotate) {
        return x.mul(cos).add(x.matMul(rotate).mul(sin));
    }
}
