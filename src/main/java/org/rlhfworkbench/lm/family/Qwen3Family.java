package org.rlhfworkbench.lm.family;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.rlhfworkbench.lm.io.ConfigReader;
import org.rlhfworkbench.lm.io.LlamaConfig;
import org.rlhfworkbench.lm.io.LlamaConfig.Layout;

/**
 * Qwen3 (model_type "qwen3"): Llama's maths with per-head RMSNorm on q and k before RoPE
 * (q_norm, k_norm over head_dim) and an explicit head_dim that may differ from hidden / heads.
 */
final class Qwen3Family extends LlamaFamily {
    @Override
    public String modelType() {
        return "qwen3";
    }

    @Override
    public String architecture() {
        return "Qwen3ForCausalLM";
    }

    @Override
    Defaults defaults() {
        return new Defaults(151936, 4096, 22016, 32, 32, null, 1e-6, 10000.0, 32768, null, List.of());
    }

    @Override
    Layout layout(ConfigReader in) {
        boolean bias = in.bool("attention_bias", false);
        return new Layout(bias, bias, false, true);
    }

    @Override
    Integer slidingWindow(ConfigReader in) {
        return QwenWindow.read(in);
    }

    @Override
    void writeOptions(LlamaConfig c, ObjectNode out) {
        out.put("attention_bias", c.layout().qkvBias());
        QwenWindow.write(c, out);
    }
}
