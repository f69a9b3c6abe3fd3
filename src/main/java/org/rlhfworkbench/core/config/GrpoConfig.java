package org.rlhfworkbench.core.config;

import java.util.Locale;

/**
 * Settings of a GRPO-family run, in three parts so that adding an option touches one record.
 * Saved as JSON with the run; {@link #withLoss(String)} applies a named recipe (grpo, dr_grpo,
 * dapo, gspo) to the algorithm part.
 */
public record GrpoConfig(Rollout rollout, Algorithm algorithm, Optimisation optimisation) {

    /**
     * What is sampled each step.
     *
     * @param prompts distinct prompts per step
     * @param group K answers per prompt: the group whose mean is the baseline
     * @param temperature sampling temperature; log-probs use the same one
     * @param maxNewTokens answer length cap (answers cut here did not stop at EOS)
     * @param probeEvery re-sample the probe prompts every N steps (0 = never)
     */
    public record Rollout(int prompts, int group, float temperature, int maxNewTokens, int probeEvery) {
        public static Rollout defaults() {
            return new Rollout(4, 8, 1.0f, 24, 10);  // 32 answers a step; T = 1 as TRL's GRPOTrainer
        }
    }

    /**
     * The objective.
     *
     * @param estimator advantage estimator: grpo, dr_grpo, rloo, reinforce_pp (gae needs a critic: PPO)
     * @param aggregation loss aggregation: token_mean (DAPO), sequence_mean (GRPO), constant (Dr. GRPO)
     * @param epsilonLow lower clip bound 1 - eps_low (0.2, PPO)
     * @param epsilonHigh upper clip bound 1 + eps_high; 0.28 is DAPO's clip-higher
     * @param sequenceRatio GSPO: one importance ratio per answer, exp(mean_t log ratio)
     * @param beta KL weight; 0 loads no reference model at all
     * @param klInLoss true: beta * k3 as a loss term (GRPO); false: -beta * KL subtracted from the reward (PPO)
     * @param dynamicSampling drop groups whose K rewards are all equal (they carry no signal; DAPO)
     * @param overlongBuffer DAPO's soft overlong penalty: answers longer than maxNewTokens - buffer
     *        lose up to {@code overlongPenalty}, linearly; 0 = off
     * @param overlongPenalty the penalty at the length cap
     * @param maskTruncated leave answers cut at the length cap out of the loss
     * @param normaliseSources normalise each reward source over the batch before the weighted sum
     */
    public record Algorithm(String estimator, String aggregation, double epsilonLow, double epsilonHigh,
                            boolean sequenceRatio, double beta, boolean klInLoss, boolean dynamicSampling,
                            int overlongBuffer, double overlongPenalty, boolean maskTruncated,
                            boolean normaliseSources) {
        /** DAPO's recipe (TRL's default loss), with a small k3 KL term that keeps the sample's tiny policy near SFT. */
        public static Algorithm defaults() {
            return preset("dapo");
        }

        /** A named recipe: grpo, dr_grpo, dapo or gspo. */
        public static Algorithm preset(String loss) {
            return switch (loss.toLowerCase(Locale.ROOT).replace('-', '_')) {
                // Shao et al. 2024: group std, per-sequence mean, symmetric clip, k3 KL in the loss
                case "grpo" -> new Algorithm("grpo", "sequence_mean", 0.2, 0.2, false, 0.04, true, false, 0, 1.0,
                        false, true);
                // Liu et al. 2025: no std, constant normaliser (no length bias)
                case "dr_grpo" -> new Algorithm("dr_grpo", "constant", 0.2, 0.2, false, 0.04, true, false, 0, 1.0,
                        false, true);
                // Yu et al. 2025: clip-higher, token mean, dynamic sampling, soft overlong penalty
                case "dapo" -> new Algorithm("grpo", "token_mean", 0.2, 0.28, false, 0.04, true, true, 4, 1.0, false,
                        true);
                // Zheng et al. 2025: sequence-level ratio, tiny clip range (TRL's 3e-4 / 4e-4)
                case "gspo" -> new Algorithm("grpo", "sequence_mean", 3e-4, 4e-4, true, 0.04, true, false, 0, 1.0,
                        false, true);
                default -> throw new IllegalArgumentException("unknown loss " + loss + " (grpo, dr_grpo, dapo, gspo)");
            };
        }

        public Algorithm withBeta(double b) {
            return new Algorithm(estimator, aggregation, epsilonLow, epsilonHigh, sequenceRatio, b, klInLoss,
                    dynamicSampling, overlongBuffer, overlongPenalty, maskTruncated, normaliseSources);
        }
    }

    /**
     * The optimiser.
     *
     * @param steps rollouts (each followed by its update)
     * @param learningRate AdamW, linear decay to 0 over the run
     * @param epochs passes over each rollout (TRL's num_iterations); above 1 the clip matters
     * @param miniBatches optimiser steps per pass
     * @param checkpointEvery steps between resumable checkpoints
     * @param seed prompt order, sampling, minibatch order
     */
    public record Optimisation(int steps, float learningRate, int epochs, int miniBatches, int checkpointEvery,
                               long seed) {
        public static Optimisation defaults() {
            return new Optimisation(60, 3e-5f, 2, 2, 10, 42);
        }
    }

    public static GrpoConfig defaults() {
        return new GrpoConfig(Rollout.defaults(), Algorithm.defaults(), Optimisation.defaults());
    }

    public GrpoConfig withLoss(String loss) {
        return new GrpoConfig(rollout, Algorithm.preset(loss).withBeta(algorithm.beta()), optimisation);
    }

    public GrpoConfig with(Rollout r) {
        return new GrpoConfig(r, algorithm, optimisation);
    }

    public GrpoConfig with(Algorithm a) {
        return new GrpoConfig(rollout, a, optimisation);
    }

    public GrpoConfig with(Optimisation o) {
        return new GrpoConfig(rollout, algorithm, o);
    }

    /** Optimiser updates per step: epochs x minibatches (the learning-rate schedule's unit). */
    public int updatesPerStep() {
        return optimisation.epochs() * Math.max(1, optimisation.miniBatches());
    }
}
