package org.rlhfworkbench.lm.family;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.rlhfworkbench.lm.io.ConfigReader;
import org.rlhfworkbench.lm.io.LlamaConfig;
import org.rlhfworkbench.lm.io.LlamaConfig.Layout;

/**
 * Mistral (model_type "mistral"): Llama's maths with a sliding attention window. Below the window
 * the window changes nothing; longer inputs are refused (LlamaLm checks).
 */
final class MistralFamily extends LlamaFamily {
    @Override
    public String modelType() {
        return "mistral";
    }

    @Override
    public String architecture() {
        return "MistralForCausalLM";
    }

    @Override
    Defaults defaults() {
        return new Defaults(32000, 4096, 14336, 32, 32, 8, 1e-6, 10000.0, 4096 * 32, 1, List.of(2));
    }

    @Override
    Layout layout(ConfigReader in) {
        return Layout.PLAIN;
    }

    @Override
    Integer slidingWindow(ConfigReader in) {
        return in.nullableInteger("sliding_window", 4096);
    }

    @Override
    void writeOptions(LlamaConfig c, ObjectNode out) {
        if (c.slidingWindow() == null) {
            out.putNull("sliding_window");
        } else {
            out.put("sliding_window", c.slidingWindow());
        }
    }
}
