package org.rlhfworkbench.lm.model;

/** The sizes the forward pass, the cache and initialisation need, whatever the architecture. */
public record ModelShape(int vocab, int hidden, int intermediate, int layers, int heads, int kvHeads,
                         int headDim, int maxPositions) {
    public ModelShape {
        if (heads % kvHeads != 0) {
            throw new IllegalArgumentException("num_attention_heads " + heads + " is not a multiple of num_key_value_heads "
                    + kvHeads);
        }
    }
}
