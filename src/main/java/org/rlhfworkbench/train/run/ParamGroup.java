package org.rlhfworkbench.train.run;

import ai.djl.ndarray.NDArray;
import java.util.Map;
import org.rlhfworkbench.lm.optim.AdamW;

/**
 * Parameters trained by one optimiser, as a checkpoint keeps them. A run has a main group (name
 * "", files params.safetensors and optimizer.safetensors) and may have more, each with its own
 * AdamW state (PPO's separate critic: critic.params.safetensors, critic.optimizer.safetensors).
 */
public record ParamGroup(String name, Map<String, NDArray> params, AdamW optimizer) {
    public static final String MAIN = "";

    /** File name of this group's {@code file} (params / optimizer) in the checkpoint folder. */
    String file(String kind) {
        return (name.isEmpty() ? "" : name + ".") + kind + ".safetensors";
    }
}
