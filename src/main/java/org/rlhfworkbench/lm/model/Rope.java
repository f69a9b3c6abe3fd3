package org.rlhfworkbench.lm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Rotary position embedding as in HF Llama / GPT-NeoX: angle = pos * inv_freq (float32, as
 * transformers computes it), cos / sin of cat(angle, angle) over the first {@code rotary} dims of each
 * head; x' = x cos + rotate_half(x) sin with rotate_half(x) = cat(-x[r/2:r], x[:r/2]) on those dims,
 * the other dims passed through (GPT-NeoX's partial rotary: cos 1, sin 0 there). rotate_half is one
 * matmul with a fixed signed permutation.
 */
final class Rope {
    private final int dim;
    private final int rotary;
    private final float[] invFreq;

    /** {@code invFreq} has rotary / 2 entries; rotary <= headDim. */
    Rope(int headDim, float[] invFreq) {
        this.dim = headDim;
        this.invFreq = invFreq.clone();
        this.rotary = 2 * invFreq.length;
        if (rotary > headDim) {
            throw new IllegalArgumentException("rotary dims " + rotary + " exceed head_dim " + headDim);
        }
    }

    /** cos and sin tables (B, 1, T, d) for the given position ids (B, T). */
    NDArray[] cosSin(NDManager m, long[] positions, int batch, int t) {
        float[] cos = new float[batch * t * dim];
        float[] sin = new float[batch * t * dim];
        int half = rotary / 2;
        for (int r = 0; r < batch * t; r++) {
            for (int i = 0; i < half; i++) {
                float angle = (float) positions[r] * invFreq[i];
                float cv = (float) Math.cos(angle);
                float sv = (float) Math.sin(angle);
                cos[r * dim + i] = cv;
                cos[r * dim + i + half] = cv;
                sin[r * dim + i] = sv;
                sin[r * dim + i + half] = sv;
            }
            for (int i = rotary; i < dim; i++) {
                cos[r * dim + i] = 1f;
            }
        }
        Shape shape = new Shape(batch, 1, t, dim);
        return new NDArray[] {m.create(cos, shape), m.create(sin, shape)};
    }

    /** The (d, d) matrix R with x R = rotate_half(x) on the rotary dims and 0 elsewhere. */
    NDArray rotateHalfMatrix(NDManager m) {
        float[] r = new float[dim * dim];
        int half = rotary / 2;
        for (int i = 0; i < half; i++) {
            r[(i + half) * dim + i] = -1f;  // out[i] = -x[i + r/2]
            r[i * dim + i + half] = 1f;     // out[i + r/2] = x[i]
        }
        return m.create(r, new Shape(dim, dim));
    }

    /** x (B, n, T, d) rotated: x * cos + (x R) * sin. */
    static NDArray apply(NDArray x, NDArray cos, NDArray sin, NDArray rotate) {
        return x.mul(cos).add(x.matMul(rotate).mul(sin));
    }
}
