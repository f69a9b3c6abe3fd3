package org.rlhfworkbench.core.config;

/**
 * Reward-model hyperparameters (saved as JSON in runs/&lt;id&gt;/ with the seed).
 *
 * @param epochs passes over the ranked prompts; InstructGPT used a single epoch to avoid overfitting
 * @param promptsPerStep prompts (each with all K responses) per optimiser step
 * @param learningRate peak AdamW rate for backbone and head
 * @param warmupSteps linear warm-up at the start
 * @param valFraction share of prompts held out for pairwise accuracy (split by prompt)
 * @param maxLength prompt + response tokens per row
 * @param marginScale margin = marginScale * (quality_w - quality_l) subtracted inside the sigmoid (Llama 2); 0 = off
 * @param centerCoefficient TRL's center_rewards_coefficient: + c * mean(r^2) keeps rewards centred; 0 = off
 * @param checkpointEvery steps between resumable checkpoints; 0 (default) scales it to the run, about ten per
 *        run and at most 50 apart, so a killed short run resumes from its middle, not from step 0
 * @param seed head init, data order, split
 * @param trainPrompts use only the first N training prompts (0 = all): for learning curves with a fixed held-out set
 */
public record RewardConfig(int epochs, int promptsPerStep, float learningRate, int warmupSteps, double valFraction,
                           int maxLength, double marginScale, double centerCoefficient, int checkpointEvery, long seed,
                           int trainPrompts) {
    public RewardConfig(int epochs, int promptsPerStep, float learningRate, int warmupSteps, double valFraction,
                        int maxLength, double marginScale, double centerCoefficient, int checkpointEvery, long seed) {
        this(epochs, promptsPerStep, learningRate, warmupSteps, valFraction, maxLength, marginScale, centerCoefficient,
                checkpointEvery, seed, 0);
    }

    public static RewardConfig defaults() {
        return new RewardConfig(2, 4, 5e-5f, 10, 0.15, 128, 0.0, 0.01, 0, 42, 0);
    }
}
