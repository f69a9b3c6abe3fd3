package org.rlhfworkbench.lm.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import org.rlhfworkbench.lm.model.AttentionMask;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.lm.score.TargetLogProbs;

/** Language-modelling loss on unpadded windows: predict tokens 1..t from tokens 0..t-1. */
public final class WindowLoss {
    private WindowLoss() {
    }

    /** tokens holds {@code batch} windows of {@code t + 1} ids, row-major. Returns the mean loss. */
    public static NDArray of(CausalLm model, NDManager m, long[] tokens, int batch, int t) {
        NDArray ids = m.create(tokens, new Shape(batch, t + 1));                                // (B, T + 1)
        NDArray hidden = model.hidden(ids.get(new NDIndex(":, :-1")), AttentionMask.full(batch, t), null); // (B, T, E)
        // -mean_t log softmax(logits_t)[y_t], the lm_head and log-softmax in chunks (no whole (B, T, V) twice)
        NDArray logp = TargetLogProbs.of(model, hidden, ids.get(new NDIndex(":, 1:")), null);      // (B, T)
        return logp.mean().neg();
    }
}
