package org.rlhfworkbench.train.reward;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.lm.model.ScalarHead;
import org.rlhfworkbench.lm.score.PackedBatch;

/**
 * A transformer backbone with a scalar head read at the last real token: r(x, y). The head is
 * HF's "score.weight" (1, E) without bias, as in GPT2ForSequenceClassification, so the saved
 * folder loads in transformers as a reward model.
 */
public final class RewardModel {
    public static final String HEAD = "score.weight";

    private final CausalLm backbone;
    private final ScalarHead head;

    public RewardModel(CausalLm backbone) {
        this.backbone = backbone;
        this.head = new ScalarHead(backbone.weights().get(HEAD), null);
    }

    /** Adds a fresh head (normal(0, 0.02), seeded) to a language model's weights, unless it has one. */
    public static RewardModel withNewHead(CausalLm backbone, long seed) {
        if (!backbone.weights().has(HEAD)) {
            int e = backbone.shape().hidden();
            Random rng = new Random(seed);
            float[] w = new float[e];
            for (int i = 0; i < e; i++) {
                w[i] = (float) (rng.nextGaussian() * 0.02);
            }
            NDManager m = backbone.manager();
            NDArray arr = m.create(w, new Shape(1, e));
            NDScope.unregister(arr);
            backbone.weights().put(HEAD, arr);
        }
        return new RewardModel(backbone);
    }

    public CausalLm backbone() {
        return backbone;
    }

    /** Every trainable tensor: the backbone's (its LoRA tensors when it has an adapter) and the head. */
    public Map<String, NDArray> parameters() {
        Map<String, NDArray> all = new LinkedHashMap<>(backbone.trainable());
        all.put(HEAD, backbone.weights().get(HEAD));
        return all;
    }

    /** Rewards of prompt + response rows: (B). Differentiable; run under the caller's scope. */
    public NDArray rewards(List<int[]> prompts, List<int[]> responses, NDManager m) {
        PackedBatch batch = new PackedBatch(prompts, responses);
        NDArray hidden = backbone.hidden(batch.ids(m), batch.mask(), null);   // (B, P + R, E)
        return head.lastToken(hidden, batch.mask());                          // (B)
    }

    /** Rewards of one group's K responses, without gradient, as Java numbers. */
    public float[] score(RankedGroup g) {
        org.rlhfworkbench.lm.nd.NoGrad.enter();
        try (NDManager m = backbone.manager().newSubManager(); NDScope scope = new NDScope()) {
            return rewards(repeat(g.prompt(), g.responses().size()), g.responses(), m).toFloatArray();
        }
    }

    static List<int[]> repeat(int[] prompt, int k) {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            out.add(prompt);
        }
        return out;
    }
}
