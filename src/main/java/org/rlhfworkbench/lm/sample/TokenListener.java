package org.rlhfworkbench.lm.sample;

/** Receives tokens as they are sampled (the labeling view streams text with it). */
@FunctionalInterface
public interface TokenListener {
    TokenListener NONE = (prompt, index, token) -> { };

    /** Called on the sampling thread for sample {@code index} of prompt {@code prompt}. */
    void onToken(int prompt, int index, int token);
}
