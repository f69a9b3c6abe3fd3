package org.rlhfworkbench.core;

/**
 * What a model picker shows about a checkpoint, read from its folder without loading the weights.
 *
 * @param family       config.json model_type ("qwen2", "llama", ...)
 * @param parameters   scalar parameters of the network
 * @param dtype        the stored dtype of most tensors ("F32", "BF16", ...)
 * @param chatTemplate whether the tokenizer has a chat template
 */
public record ModelFacts(String family, long parameters, String dtype, boolean chatTemplate) {
    /** "qwen2 · 494M · BF16 · chat template" */
    public String summary() {
        return family + " · " + human(parameters) + " · " + dtype + (chatTemplate ? " · chat template" : "");
    }

    public static String human(long n) {
        if (n >= 1_000_000_000L) {
            return String.format(java.util.Locale.ROOT, "%.1fB", n / 1e9);
        }
        if (n >= 1_000_000L) {
            return String.format(java.util.Locale.ROOT, "%dM", Math.round(n / 1e6));
        }
        return String.format(java.util.Locale.ROOT, "%dK", Math.max(1, Math.round(n / 1e3)));
    }
}
