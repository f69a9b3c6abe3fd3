package org.rlhfworkbench.lm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Which keys each row may see: {@code valid[b][j]} is true for real tokens and false for padding,
 * over the whole sequence so far (cached past + new tokens). From it come the position ids
 * (cumulative count of real tokens, so left padding does not shift positions) and the additive
 * causal bias. Built in Java: one array copy per forward instead of a dozen small ops.
 */
public final class AttentionMask {
    /** Added to scores of keys a query may not see; finite so an all-masked pad row gives no NaN. */
    static final float NEG = -1e9f;

    private final boolean[][] valid;

    public AttentionMask(boolean[][] valid) {
        this.valid = valid;
    }

    /** A batch with no padding. */
    public static AttentionMask full(int batch, int length) {
        boolean[][] v = new boolean[batch][length];
        for (boolean[] row : v) {
            java.util.Arrays.fill(row, true);
        }
        return new AttentionMask(v);
    }

    public int batch() {
        return valid.length;
    }

    public int length() {
        return valid[0].length;
    }

    public boolean valid(int b, int j) {
        return valid[b][j];
    }

    /** Position ids of the last {@code t} tokens: (B, t) int64. Pads get position 0. */
    NDArray positions(NDManager m, int t) {
        return m.create(positionIds(t), new Shape(batch(), t));
    }

    /** Position ids of the last {@code t} tokens, row-major (B * t): count of real tokens before. */
    long[] positionIds(int t) {
        int len = length();
        long[] pos = new long[batch() * t];
        for (int b = 0; b < batch(); b++) {
            long seen = 0;
            for (int j = 0; j < len; j++) {
                if (j >= len - t) {
                    pos[b * t + j - (len - t)] = valid[b][j] ? seen : 0;
                }
                if (valid[b][j]) {
                    seen++;
                }
            }
        }
        return pos;
    }

    /** Additive bias (B, 1, t, L): query i (absolute L - t + i) sees key j iff j <= i and j is real. */
    NDArray bias(NDManager m, int t) {
        int batch = batch();
        int len = length();
        float[] bias = new float[batch * t * len];
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < t; i++) {
                int abs = len - t + i;
                int base = (b * t + i) * len;
                for (int j = 0; j < len; j++) {
                    bias[base + j] = j <= abs && valid[b][j] ? 0f : NEG;
                }
            }
        }
        return m.create(bias, new Shape(batch, 1, t, len));
    }

    /** Index of the last real token of each row (the reward head reads there). */
    public int[] lastReal() {
        int[] last = new int[batch()];
        for (int b = 0; b < batch(); b++) {
            last[b] = -1;
            for (int j = 0; j < length(); j++) {
                if (valid[b][j]) {
                    last[b] = j;
                }
            }
        }
        return last;
    }

    /** The mask extended by {@code t} new tokens, real where {@code real[b]} is true. */
    public AttentionMask extend(int t, boolean[] real) {
        boolean[][] v = new boolean[batch()][length() + t];
        for (int b = 0; b < batch(); b++) {
            System.arraycopy(valid[b], 0, v[b], 0, length());
            for (int j = length(); j < length() + t; j++) {
                v[b][j] = real[b];
            }
        }
        return new AttentionMask(v);
    }

    /** Rows {@code rows} only (for dropping finished sequences) or repeated (for K samples). */
    public AttentionMask select(int[] rows) {
        boolean[][] v = new boolean[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            v[i] = valid[rows[i]].clone();
        }
        return new AttentionMask(v);
    }
}
