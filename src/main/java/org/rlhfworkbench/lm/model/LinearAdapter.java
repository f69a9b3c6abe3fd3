package org.rlhfworkbench.lm.model;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * What is added on top of a linear layer's output, by module name (HF's, e.g.
 * "model.layers.0.self_attn.q_proj"): the seam for LoRA, y' = y + (alpha / r) * (x A^T) B^T.
 */
@FunctionalInterface
public interface LinearAdapter {
    /** No adapter: the base model. */
    LinearAdapter NONE = (module, x, y) -> y;

    /** The adapted output for input x (..., in) and base output y (..., out). */
    NDArray apply(String module, NDArray x, NDArray y);

    /**
     * The adapter's own trainable tensors by name. When there are any, training updates these and
     * the base weights stay frozen (no gradient, no optimizer state); empty: the base is trained.
     */
    default Map<String, NDArray> parameters() {
        return Map.of();
    }
}
