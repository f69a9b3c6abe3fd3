package org.rlhfworkbench.core.config;

/**
 * Supervised fine-tuning hyperparameters (saved as JSON in runs/&lt;id&gt;/ with the seed).
 *
 * @param epochs passes over the demonstrations; few, since demonstrations are few and precious
 * @param batchSize examples per step
 * @param learningRate peak AdamW rate; 1e-4 moves a small model without erasing pretraining
 * @param warmupSteps linear warm-up at the start
 * @param valFraction share of prompts held out for the validation loss (split by prompt)
 * @param maxLength prompt + response tokens; longer examples lose prompt tokens from the left
 * @param checkpointEvery steps between resumable checkpoints; 0 (default) scales it to the run, about ten per
 *        run and at most 50 apart, so a killed short run resumes from its middle, not from step 0
 * @param seed data order, split and nothing else (no dropout)
 */
public record SftConfig(int epochs, int batchSize, float learningRate, int warmupSteps, double valFraction,
                        int maxLength, int checkpointEvery, long seed) {
    public static SftConfig defaults() {
        return new SftConfig(3, 8, 1e-4f, 10, 0.1, 128, 0, 42);
    }
}
