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
    /** Rows of the first table: positions grow it by doubling, so a run builds it a handful of times. */
    private static final int FIRST_ROWS = 256;

    private final int dim;
    private final int rotary;
    private final float[] invFreq;
    private final NDManager owner;
    private NDArray cosTable;  // (P, d) on the model's device: row p = cos of position p
    private NDArray sinTable;  // (P, d)
    private int rows;

    /**
     * {@code invFreq} has rotary / 2 entries; rotary <= headDim. The cos / sin tables live in
     * {@code owner} (the model's long-lived manager, so on its device) and are freed with it.
     */
    Rope(int headDim, float[] invFreq, NDManager owner) {
        this.dim = headDim;
        this.invFreq = invFreq.clone();
        this.rotary = 2 * invFreq.length;
        this.owner = owner;
        if (rotary > headDim) {
            throw new IllegalArgumentException("rotary dims " + rotary + " exceed head_dim " + headDim);
        }
    }

    /**
     * cos and sin tables (B, 1, T, d) for the given position ids (B, T): rows gathered on the device
     * from tables built once per model (the ids are the only copy from Java per forward).
     */
    NDArray[] cosSin(NDManager m, long[] positions, int batch, int t) {
        long max = 0;
        for (long p : positions) {
            max = Math.max(max, p);
        }
        NDArray[] tables = tables((int) max + 1);
        NDArray ids = m.create(positions, new Shape(batch, t));                      // (B, T) int64
        NDArray cos = Gpt2Lm.embed(ids, tables[0]).expandDims(1);                     // (B, 1, T, d)
        NDArray sin = Gpt2Lm.embed(ids, tables[1]).expandDims(1);
        return new NDArray[] {cos, sin};
    }

    /** The tables with at least {@code need} rows (grown by doubling). */
    private synchronized NDArray[] tables(int need) {
        if (need > rows) {
            int n = Math.max(FIRST_ROWS, Integer.highestOneBit(need - 1) << 1);
            float[][] cs = table(n);
            NDArray c = owner.create(cs[0], new Shape(n, dim));
            NDArray s = owner.create(cs[1], new Shape(n, dim));
            ai.djl.ndarray.NDScope.unregister(c, s);  // long-lived: freed with the model, not a caller's scope
            if (cosTable != null) {
                cosTable.close();
                sinTable.close();
            }
            cosTable = c;
            sinTable = s;
            rows = n;
        }
        return new NDArray[] {cosTable, sinTable};
    }

    /**
     * cos and sin of positions 0..n-1, row-major (n * d): angle = float32(p * inv_freq) as
     * transformers computes it, duplicated over the two halves; 1 and 0 past the rotary dims.
     */
    float[][] table(int n) {
        float[] cos = new float[n * dim];
        float[] sin = new float[n * dim];
        int half = rotary / 2;
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < half; i++) {
                float angle = (float) r * invFreq[i];
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
        return new float[][] {cos, sin};
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
