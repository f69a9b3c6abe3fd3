package org.rlhfworkbench.lm.score;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import org.rlhfworkbench.lm.model.CausalLm;

/**
 * log softmax(lm_head(h_t) / T)[y_t] for every position t, the lm_head and the log-softmax run a
 * few positions at a time so that a (B, T, V) float tensor never exists whole more than once
 * (TRL's chunked NLL). Each chunk's logits are closed as soon as their log-softmax exists (the
 * backward of log-softmax needs only its output; that one the autograd graph keeps, as PyTorch's
 * cross_entropy does), and the backward runs chunk by chunk, so its (chunk, V) temporaries stay small.
 */
public final class TargetLogProbs {
    /** Floats of logits per chunk: 16 M (64 MB); a chunk is at least one position. */
    static final long CHUNK_FLOATS = 1L << 24;

    private TargetLogProbs() {
    }

    /** hidden (B, T, E), targets (B, T) int64, temperature a 0-d array or null -> (B, T) log-probs. */
    public static NDArray of(CausalLm model, NDArray hidden, NDArray targets, NDArray temperature) {
        long b = hidden.getShape().get(0);
        return of(model, hidden, targets, temperature, Math.max(1, CHUNK_FLOATS / (b * model.shape().vocab())));
    }

    /** As above, {@code chunk} positions at a time. */
    static NDArray of(CausalLm model, NDArray hidden, NDArray targets, NDArray temperature, long chunk) {
        long t = hidden.getShape().get(1);
        if (chunk >= t) {
            return chunk(model, hidden, targets, temperature);
        }
        NDList parts = new NDList();
        for (long s = 0; s < t; s += chunk) {
            long e = Math.min(t, s + chunk);
            NDIndex cols = new NDIndex(":, {}:{}", s, e);
            parts.add(chunk(model, hidden.get(new NDIndex(":, {}:{}, :", s, e)), targets.get(cols), temperature));
        }
        return NDArrays.concat(parts, 1);                                                   // (B, T)
    }

    /** One chunk: h (B, c, E), y (B, c) -> (B, c); the (B, c, V) intermediates closed before returning. */
    private static NDArray chunk(CausalLm model, NDArray h, NDArray y, NDArray temperature) {
        NDArray logits = model.logits(h);                                                   // (B, c, V)
        NDArray scaled = temperature == null ? logits : logits.div(temperature);
        NDArray logp = scaled.logSoftmax(-1);                                               // (B, c, V)
        if (scaled != logits) {
            scaled.close();
        }
        logits.close();
        NDArray lp = logp.gather(y.expandDims(-1), -1).squeeze(-1);                         // (B, c)
        logp.close();
        return lp;
    }
}
