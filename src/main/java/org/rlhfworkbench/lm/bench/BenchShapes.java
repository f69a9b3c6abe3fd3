package org.rlhfworkbench.lm.bench;

import java.util.List;
import java.util.Map;
import org.rlhfworkbench.lm.io.Gpt2Config;
import org.rlhfworkbench.lm.io.LlamaConfig;
import org.rlhfworkbench.lm.io.ModelConfig;
import org.rlhfworkbench.lm.io.RopeParams;

/** Named model shapes the bench can build with random weights (speed does not depend on the values). */
public final class BenchShapes {
    /** The toy the workbench was first measured on: GPT-2, 4 layers, n_embd 256, 4 heads, context 256, vocab 8192. */
    public static final String TOY = "toy";

    private static final Map<String, ModelConfig> SHAPES = Map.of(
            TOY, Gpt2Config.of(8192, 256, 256, 4, 4, 0, 0),
            "gpt2-124m", Gpt2Config.of(50257, 1024, 768, 12, 12, 50256, 50256),
            "qwen2.5-0.5b", qwen2(151936, 896, 4864, 24, 14, 2, 64, 1_000_000.0, 32768));

    private BenchShapes() {
    }

    public static List<String> names() {
        return List.of(TOY, "gpt2-124m", "qwen2.5-0.5b");
    }

    /** The config of a named shape; a clear message naming the known shapes otherwise. */
    public static ModelConfig of(String name) {
        ModelConfig c = SHAPES.get(name);
        if (c == null) {
            throw new IllegalArgumentException("unknown shape '" + name + "'; known: " + String.join(", ", names()));
        }
        return c;
    }

    /** Qwen2 / Qwen2.5 as its config.json says: biases on q, k, v; tied embeddings; RMSNorm eps 1e-6. */
    private static LlamaConfig qwen2(int vocab, int hidden, int inter, int layers, int heads, int kvHeads, int headDim,
            double theta, int maxPos) {
        return new LlamaConfig("qwen2", vocab, hidden, inter, layers, heads, kvHeads, 1e-6, RopeParams.plain(theta),
                maxPos, true, null, List.of(), "silu", headDim, new LlamaConfig.Layout(true, false, false, false),
                null, null);
    }
}
