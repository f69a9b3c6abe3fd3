package org.rlhfworkbench.lm.optim;

import ai.djl.ndarray.NDArray;

/** Training losses written from primitives (DJL has no fused cross-entropy binding). */
public final class Losses {
    private Losses() {
    }

    /**
     * Masked next-token cross-entropy: -sum_t w_t log softmax(logits_t)[y_t] / sum_t w_t.
     * logits (B, T, V), targets (B, T) int64, weights (B, T) float (0 on prompt and padding).
     */
    public static NDArray nextToken(NDArray logits, NDArray targets, NDArray weights) {
        NDArray logp = logits.logSoftmax(-1).gather(targets.expandDims(-1), -1).squeeze(-1);  // (B, T)
        NDArray total = weights.sum();
        return logp.mul(weights).sum().neg().div(total.maximum(1f));                     // scalar
    }
}
