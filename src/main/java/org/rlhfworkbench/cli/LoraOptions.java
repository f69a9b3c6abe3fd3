package org.rlhfworkbench.cli;

import java.util.List;
import org.rlhfworkbench.core.config.LoraConfig;
import picocli.CommandLine.Option;

/**
 * LoRA flags shared by every training command (a picocli mixin). Any of them turns LoRA on; the
 * defaults are TRL's "LoRA without regret" (rank 16, alpha 32, all linear layers), and without
 * --lr a LoRA run uses 10x the full-fine-tuning default rate, as the guide recommends.
 */
final class LoraOptions {
    @Option(names = "--lora", description = "train a LoRA adapter (rank 16, alpha 32, all-linear) instead of all weights")
    boolean lora;

    @Option(names = "--lora-rank", paramLabel = "R", description = "LoRA rank r (turns LoRA on; default 16; 0 = off)")
    Integer rank;

    @Option(names = "--lora-alpha", paramLabel = "A", description = "LoRA alpha; scaling alpha / r (default 32)")
    Float alpha;

    @Option(names = "--lora-targets", paramLabel = "LIST", split = ",",
            description = "PEFT module names (q_proj,v_proj,... c_attn,... query_key_value,...) or all-linear"
                    + " (default all-linear)")
    List<String> targets;

    @Option(names = "--lora-dropout", paramLabel = "P", description = "dropout on the adapter input (default 0)")
    Float dropout;

    @Option(names = "--lora-rslora", description = "scale by alpha / sqrt(r) (rsLoRA) instead of alpha / r")
    boolean rsLora;

    /** The LoRA settings, or null for full fine-tuning. */
    LoraConfig config(long seed) {
        boolean on = lora || rank != null && rank > 0 || alpha != null || targets != null || dropout != null || rsLora;
        if (!on || rank != null && rank == 0) {
            return null;
        }
        LoraConfig d = LoraConfig.defaults();
        return new LoraConfig(rank == null ? d.rank() : rank, alpha == null ? d.alpha() : alpha,
                dropout == null ? d.dropout() : dropout, rsLora, targets == null ? d.targets() : targets, seed);
    }

    /** The rate given, else the full-fine-tuning default, times 10 under LoRA. */
    float learningRate(Float given, float fullDefault) {
        if (given != null) {
            return given;
        }
        return config(0) == null ? fullDefault : fullDefault * LoraConfig.LR_SCALE;
    }
}
