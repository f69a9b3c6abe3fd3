package org.rlhfworkbench.core.config;

import java.util.List;

/**
 * LoRA settings (Hu et al. 2021; PEFT's LoraConfig): W' = W + s B A with s = alpha / r (alpha /
 * sqrt(r) with rsLoRA), A (r, in) kaiming-uniform, B (out, r) zero, base weights frozen. Defaults
 * follow TRL's "LoRA without regret" guide (Schulman and Thinking Machines, 2025).
 *
 * @param rank r; 0 turns LoRA off (full fine-tuning). 16: the guide finds ranks 1-32 match full
 *     fine-tuning for RL and small SFT data sets
 * @param alpha lora_alpha; 32 = 2 r, the guide's and TRL's examples' choice (scaling 2)
 * @param dropout on the adapter input while training only; 0 (PEFT's default) so PPO's first
 *     ratio is exactly 1
 * @param rsLora scale alpha / sqrt(r) (Kalajdzievski 2023) instead of alpha / r; off as in PEFT
 * @param targets PEFT module names (q_proj, c_attn, query_key_value, ...) or "all-linear": the
 *     guide finds adapters on every linear layer, MLP included, beat attention-only adapters
 * @param seed initialisation of A, so a run is reproducible
 */
public record LoraConfig(int rank, float alpha, float dropout, boolean rsLora, List<String> targets, long seed) {
    /** PEFT's preset: every linear layer but the output head. */
    public static final String ALL_LINEAR = "all-linear";
    /**
     * The guide's finding: LoRA's best learning rate is about 10x that of full fine-tuning, so a
     * LoRA run multiplies the full-fine-tuning default by this when no rate is given.
     */
    public static final float LR_SCALE = 10f;

    public LoraConfig {
        targets = targets == null || targets.isEmpty() ? List.of(ALL_LINEAR) : List.copyOf(targets);
        if (rank < 0) {
            throw new IllegalArgumentException("LoRA rank must be 0 (off) or more, not " + rank);
        }
        if (dropout < 0 || dropout >= 1) {
            throw new IllegalArgumentException("LoRA dropout must be in [0, 1), not " + dropout);
        }
    }

    /** The guide's defaults: rank 16, alpha 32, no dropout, all linear layers. */
    public static LoraConfig defaults() {
        return new LoraConfig(16, 32f, 0f, false, List.of(ALL_LINEAR), 42);
    }

    /** Full fine-tuning. */
    public static LoraConfig off() {
        return new LoraConfig(0, 32f, 0f, false, List.of(ALL_LINEAR), 42);
    }

    public boolean enabled() {
        return rank > 0;
    }

    /** s = alpha / r, or alpha / sqrt(r) with rsLoRA. */
    public float scaling() {
        return scaling(alpha, rank, rsLora);
    }

    public static float scaling(float alpha, int rank, boolean rsLora) {
        return (float) (rsLora ? alpha / Math.sqrt(rank) : alpha / rank);
    }

    /** "16/32 all-linear" for logs; "off" when off. */
    public String describe() {
        return enabled() ? "LoRA r " + rank + ", alpha " + alpha + (rsLora ? " (rsLoRA)" : "") + ", "
                + String.join(",", targets) : "full fine-tuning";
    }
}
