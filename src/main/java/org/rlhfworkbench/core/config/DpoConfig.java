package org.rlhfworkbench.core.config;

import java.util.Locale;

/**
 * DPO / IPO hyperparameters (saved as JSON with every run, seed included).
 *
 * @param loss "dpo" (Rafailov et al. 2023) or "ipo" (Azar et al. 2023, no sigmoid: does not push margins to infinity)
 * @param beta 0.1 (TRL's default): strength of the implicit KL to the reference; lower lets the policy move further
 * @param pairs "best-worst" (one pair per prompt, as RLHFlow keeps; default because "all", C(K,2) ordered pairs of a
 *        ranking, sees each prompt ~20 times an epoch at K=8 and overfits: sample rubric 1.6 vs SFT 3.3, best-worst 3.6)
 * @param labelSmoothing conservative DPO (cDPO): assumed share of flipped labels, 0 = plain DPO; ignored by IPO
 * @param epochs passes over the pairs; 1-3 as in TRL, DPO overfits pairs quickly
 * @param batchSize pairs per step (each pair is two sequences)
 * @param learningRate peak AdamW rate; 5e-5 moves the small sample model, large models use 5e-7
 * @param warmupSteps linear warm-up, then linear decay (TRL's default schedule)
 * @param maxLength prompt + response tokens per sequence
 * @param checkpointEvery steps between resumable checkpoints; 0 (default) scales it to the run, about ten per
 *        run and at most 50 apart, so a killed short run resumes from its middle, not from step 0
 * @param seed pair order and the held-out split
 */
public record DpoConfig(String loss, double beta, String pairs, double labelSmoothing, int epochs, int batchSize,
                        float learningRate, int warmupSteps, int maxLength, int checkpointEvery, long seed) {
    public DpoConfig {
        loss = loss.toLowerCase(Locale.ROOT);
        pairs = pairs.toLowerCase(Locale.ROOT);
        if (!loss.equals("dpo") && !loss.equals("ipo")) {
            throw new IllegalArgumentException("loss must be dpo or ipo, was " + loss);
        }
        if (!pairs.equals("all") && !pairs.equals("best-worst")) {
            throw new IllegalArgumentException("pairs must be all or best-worst, was " + pairs);
        }
        if (beta <= 0 || labelSmoothing < 0 || labelSmoothing >= 0.5) {
            throw new IllegalArgumentException("need beta > 0 and label smoothing in [0, 0.5): beta " + beta
                    + ", label smoothing " + labelSmoothing);
        }
    }

    public static DpoConfig defaults() {
        return new DpoConfig("dpo", 0.1, "best-worst", 0.0, 2, 8, 5e-5f, 5, 128, 0, 42);
    }

    public boolean ipo() {
        return loss.equals("ipo");
    }

    public boolean bestWorst() {
        return pairs.equals("best-worst");
    }

    public DpoConfig withEpochs(int n) {
        return new DpoConfig(loss, beta, pairs, labelSmoothing, n, batchSize, learningRate, warmupSteps, maxLength,
                checkpointEvery, seed);
    }
}
