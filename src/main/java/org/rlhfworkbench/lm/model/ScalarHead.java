package org.rlhfworkbench.lm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * A linear map from hidden states to one number: the value head (per token, for PPO's critic)
 * or the reward head (on the last real token, for the reward model). Weight (1, E), bias (1).
 */
public final class ScalarHead {
    private final NDArray weight;
    private final NDArray bias;

    public ScalarHead(NDArray weight, NDArray bias) {
        this.weight = weight;
        this.bias = bias;
    }

    /** A zero-initialised head, so a fresh value head starts at V = 0. */
    public static ScalarHead zeros(NDManager m, int hidden) {
        return new ScalarHead(m.zeros(new Shape(1, hidden)), m.zeros(new Shape(1)));
    }

    public NDArray weight() {
        return weight;
    }

    public NDArray bias() {
        return bias;
    }

    /** One number per position: (B, T, E) -> (B, T). */
    public NDArray perToken(NDArray hidden) {
        return Ops.linear(hidden, weight, bias).squeeze(-1);
    }

    /** One number per row, read at each row's last real token: (B, T, E) -> (B). */
    public NDArray lastToken(NDArray hidden, AttentionMask mask) {
        int[] last = mask.lastReal();
        long[] idx = new long[last.length];
        for (int b = 0; b < last.length; b++) {
            idx[b] = Math.max(last[b], 0);
        }
        long batch = hidden.getShape().get(0);
        long e = hidden.getShape().get(2);
        NDArray at = hidden.getManager().create(idx, new Shape(batch, 1, 1)).broadcast(batch, 1, e); // (B, 1, E)
        NDArray h = hidden.gather(at, 1).squeeze(1);                                                  // (B, E)
        return Ops.linear(h, weight, bias).squeeze(-1);                                               // (B)
    }
}
