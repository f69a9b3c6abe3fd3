package org.rlhfworkbench.lm.score;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import java.util.List;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.lm.nd.NoGrad;
import org.rlhfworkbench.lm.nd.Scalars;

/**
 * Exact per-token log-probs of given responses: logp_t = log softmax(logits_{t-1} / T)[y_t] on
 * response tokens; prompt and padding contribute nothing (masked to 0).
 */
public final class LogProbs {
    private LogProbs() {
    }

    /**
     * Differentiable version for training: (B, R) log-probs, zero on padding.
     * Runs under the caller's NDScope / GradientCollector.
     */
    public static NDArray tokenLogProbs(CausalLm model, PackedBatch batch, NDManager m, NDArray temperature) {
        NDArray hidden = model.hidden(batch.ids(m), batch.mask(), null);                  // (B, P + R, E)
        int p = batch.promptWidth();
        // the lm_head only where a response token is predicted, in chunks: (B, R, V) never whole twice
        NDArray pred = hidden.get(new NDIndex(":, {}:{}, :", p - 1, p - 1 + batch.responseWidth()));  // (B, R, E)
        NDArray lp = TargetLogProbs.of(model, pred, batch.responseIds(m), temperature);     // (B, R)
        return lp.mul(batch.responseMask(m));
    }

    /** Per-row arrays of the response tokens' log-probs (no gradient). */
    public static float[][] of(CausalLm model, List<int[]> prompts, List<int[]> responses, float temperature) {
        NoGrad.enter();
        PackedBatch batch = new PackedBatch(prompts, responses);
        float[] flat;
        try (NDManager m = model.manager().newSubManager(); NDScope scope = new NDScope()) {
            NDArray t = temperature == 1f ? null : new Scalars(m).of(temperature);
            flat = tokenLogProbs(model, batch, m, t).toFloatArray();
        }
        float[][] out = new float[prompts.size()][];
        for (int b = 0; b < out.length; b++) {
            out[b] = new float[responses.get(b).length];
            System.arraycopy(flat, b * batch.responseWidth(), out[b], 0, out[b].length);
        }
        return out;
    }
}
