package org.rlhfworkbench.lm.family;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.rlhfworkbench.lm.io.ConfigReader;
import org.rlhfworkbench.lm.io.LlamaConfig;
import org.rlhfworkbench.lm.io.LlamaConfig.Layout;

/**
 * Qwen2 / Qwen2.5 (model_type "qwen2"): Llama's maths with biases on q_proj, k_proj and v_proj
 * (not o_proj). use_sliding_window (off in every released model) limits the input length.
 */
final class Qwen2Family extends LlamaFamily {
    @Override
    public String modelType() {
        return "qwen2";
    }

    @Override
    public String architecture() {
        return "Qwen2ForCausalLM";
    }

    @Override
    Defaults defaults() {
        return new Defaults(151936, 4096, 22016, 32, 32, null, 1e-6, 10000.0, 32768, null, List.of());
    }

    @Override
    Layout layout(ConfigReader in) {
        return new Layout(true, false, false, false);
    }

    @Override
    Integer slidingWindow(ConfigReader in) {
        return QwenWindow.read(in);
    }

    @Override
    void writeOptions(LlamaConfig c, ObjectNode out) {
        QwenWindow.write(c, out);
    }
}
