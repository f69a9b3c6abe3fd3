package org.rlhfworkbench.lm.lora;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rlhfworkbench.core.config.LoraConfig;
import org.rlhfworkbench.lm.model.Weights;

/**
 * Which linear layers get an adapter. Targets are PEFT's: the last part of a module's name
 * (q_proj matches model.layers.3.self_attn.q_proj), or "all-linear" for every linear layer of the
 * blocks (PEFT's preset, which leaves out the output head and the embeddings).
 */
public final class LoraTargets {
    /** The linear layers of every family's blocks, by PEFT name. */
    public static final List<String> LINEAR = List.of(
            "q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj",   // llama, mistral, qwen2/3
            "c_attn", "c_proj", "c_fc",                                                    // gpt2
            "query_key_value", "dense", "dense_h_to_4h", "dense_4h_to_h");                 // gpt_neox

    private LoraTargets() {
    }

    /**
     * Module names (HF's, without ".weight") that match {@code targets}, in the model's order.
     * Fails with one line naming the unknown target when a target matches nothing.
     */
    public static List<String> modules(Weights weights, List<String> targets) {
        boolean all = targets.contains(LoraConfig.ALL_LINEAR);
        Set<String> wanted = new LinkedHashSet<>(all ? LINEAR : targets);
        Set<String> matched = new LinkedHashSet<>();
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, NDArray> e : weights.all().entrySet()) {
            String name = e.getKey();
            if (!name.endsWith(".weight") || e.getValue().getShape().dimension() != 2) {
                continue;
            }
            String module = name.substring(0, name.length() - ".weight".length());
            String last = module.substring(module.lastIndexOf('.') + 1);
            if (wanted.contains(last) && !isHead(module)) {
                out.add(module);
                matched.add(last);
            }
        }
        if (!all) {
            for (String t : wanted) {
                if (!matched.contains(t)) {
                    throw new IllegalArgumentException("LoRA target '" + t + "' matches no linear layer of this model"
                            + " (known: " + String.join(", ", LINEAR) + ", " + LoraConfig.ALL_LINEAR + ")");
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("LoRA targets " + targets + " match no linear layer of this model");
        }
        return out;
    }

    /** The PEFT names present among {@code modules} (what adapter_config.json lists as target_modules). */
    public static List<String> names(Iterable<String> modules) {
        Set<String> out = new LinkedHashSet<>();
        for (String m : modules) {
            out.add(m.substring(m.lastIndexOf('.') + 1));
        }
        return List.copyOf(out);
    }

    private static boolean isHead(String module) {
        return module.equals("lm_head") || module.equals("embed_out") || module.equals("score");
    }
}
