package org.rlhfworkbench.train.dpo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import java.util.ArrayList;
import java.util.List;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.lm.score.LogProbs;
import org.rlhfworkbench.lm.score.PackedBatch;

/**
 * Sequence log-probs of chosen and rejected responses, sum over response tokens of
 * log softmax(logits)[y_t]; the chosen and rejected rows of a batch go through the model together.
 */
public final class PairLogps {
    private PairLogps() {
    }

    /** Differentiable: {chosen (B), rejected (B)}, under the caller's scope and collector. */
    public static NDArray[] of(CausalLm model, List<DpoPair> batch, NDManager m) {
        int b = batch.size();
        PackedBatch packed = pack(batch);
        NDArray seq = LogProbs.tokenLogProbs(model, packed, m, null).sum(new int[] {1});  // (2B)
        return new NDArray[] {seq.get(new NDIndex("0:{}", b)), seq.get(new NDIndex("{}:", b))};  // (B), (B)
    }

    /** Without gradient, in chunks: per pair {logp_chosen, logp_rejected} summed in double. */
    public static double[][] frozen(CausalLm model, List<DpoPair> pairs, int chunk) {
        double[][] out = new double[pairs.size()][2];
        for (int from = 0; from < pairs.size(); from += chunk) {
            List<DpoPair> part = pairs.subList(from, Math.min(pairs.size(), from + chunk));
            List<List<int[]>> rows = rows(part);
            float[][] lp = LogProbs.of(model, rows.get(0), rows.get(1), 1f);              // 2B rows
            for (int i = 0; i < part.size(); i++) {
                out[from + i][0] = sum(lp[i]);
                out[from + i][1] = sum(lp[part.size() + i]);
            }
        }
        return out;
    }

    static PackedBatch pack(List<DpoPair> batch) {
        List<List<int[]>> rows = rows(batch);
        return new PackedBatch(rows.get(0), rows.get(1));
    }

    /** {prompts, responses}: the chosen rows first, then the rejected ones. */
    private static List<List<int[]>> rows(List<DpoPair> batch) {
        List<int[]> prompts = new ArrayList<>();
        List<int[]> responses = new ArrayList<>();
        for (DpoPair p : batch) {
            prompts.add(p.prompt());
            responses.add(p.chosen());
        }
        for (DpoPair p : batch) {
            prompts.add(p.prompt());
            responses.add(p.rejected());
        }
        return List.of(prompts, responses);
    }

    private static double sum(float[] a) {
        double s = 0;
        for (float x : a) {
            s += x;
        }
        return s;
    }
}
