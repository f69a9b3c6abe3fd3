package org.rlhfworkbench.core.config;

/**
 * PPO hyperparameters, defaults close to TRL's PPOTrainer for small models. Saved as JSON with
 * every run together with its seed.
 *
 * @param steps PPO iterations (rollout + update)
 * @param rolloutPrompts episodes (responses) per iteration, over rolloutPrompts / samplesPerPrompt prompts
 * @param miniBatches minibatches per PPO epoch; TRL's num_mini_batches
 * @param ppoEpochs passes over each rollout; 4 as in TRL and the PPO paper
 * @param learningRate policy and value head; small, the policy starts from a good SFT model
 * @param temperature sampling temperature 0.7 (TRL default); log-probs use the same temperature
 * @param maxNewTokens response length cap
 * @param klCoef initial beta 0.05 (TRL's kl_coef)
 * @param klEstimator "k1" (log ratio, TRL default) or "k3" (unbiased, always >= 0)
 * @param adaptiveKl Ziegler et al.'s controller instead of a fixed beta
 * @param klTarget target KL per response for the controller (nats)
 * @param klHorizon controller horizon in episodes
 * @param cliprange policy ratio clip 0.2 (PPO paper)
 * @param cliprangeValue value clip 0.2 (TRL)
 * @param vfCoef value loss weight 0.1 (TRL)
 * @param gamma discount 1: episodes are short and the reward comes at the end
 * @param lam GAE lambda 0.95 (TRL)
 * @param entropyCoef entropy bonus, 0 by default (TRL has none)
 * @param missingEosPenalty subtracted from the score when a response hits the length cap; 0 = off
 * @param rewardClip clip normalised scores to [-c, c]; 0 = off
 * @param probeEvery re-sample the probe prompts every N steps
 * @param checkpointEvery steps between resumable checkpoints; 0 = scaled to the run (about ten, at most 50 apart)
 * @param seed prompt order, sampling, value-head init
 * @param ptxCoef PPO-ptx (InstructGPT): + gamma_ptx * next-token loss on demonstrations, keeps
 *        what the SFT model knows while the policy chases the reward model; 0 = off
 * @param samplesPerPrompt K responses per prompt in a rollout; with K > 1 each score is taken
 *        relative to the mean score of the prompt's other K - 1 responses (the leave-one-out
 *        baseline of RLOO and OpenRLHF's rloo estimator), so how hard a prompt is cancels out and
 *        what is left is what the policy can change by answering differently
 * @param separateCritic a critic of its own, initialised from the reward model (InstructGPT, TRL's
 *        PPOTrainer v2); the policy's trunk then serves only the policy. Its head starts where its
 *        targets are: the default PPO (K = 4) subtracts the leave-one-out mean, so targets average 0
 *        per prompt and the head starts at 0; with K = 1 it starts as the RM's normalised score.
 *        false = a value head on the policy's trunk, trained with it
 */
public record PpoConfig(int steps, int rolloutPrompts, int miniBatches, int ppoEpochs, float learningRate,
                        float temperature, int maxNewTokens, double klCoef, String klEstimator, boolean adaptiveKl,
                        double klTarget, double klHorizon, double cliprange, double cliprangeValue, double vfCoef,
                        double gamma, double lam, double entropyCoef, double missingEosPenalty, double rewardClip,
                        int probeEvery, int checkpointEvery, long seed, double ptxCoef,
                        int samplesPerPrompt, boolean separateCritic) {

    public PpoConfig {
        samplesPerPrompt = Math.max(1, samplesPerPrompt);  // runs saved before the field existed read 0
    }

    /** The value head on the policy's trunk. */
    public PpoConfig(int steps, int rolloutPrompts, int miniBatches, int ppoEpochs, float learningRate,
                     float temperature, int maxNewTokens, double klCoef, String klEstimator, boolean adaptiveKl,
                     double klTarget, double klHorizon, double cliprange, double cliprangeValue, double vfCoef,
                     double gamma, double lam, double entropyCoef, double missingEosPenalty, double rewardClip,
                     int probeEvery, int checkpointEvery, long seed, double ptxCoef, int samplesPerPrompt) {
        this(steps, rolloutPrompts, miniBatches, ppoEpochs, learningRate, temperature, maxNewTokens, klCoef, klEstimator,
                adaptiveKl, klTarget, klHorizon, cliprange, cliprangeValue, vfCoef, gamma, lam, entropyCoef,
                missingEosPenalty, rewardClip, probeEvery, checkpointEvery, seed, ptxCoef, samplesPerPrompt, false);
    }

    /** One response per prompt. */
    public PpoConfig(int steps, int rolloutPrompts, int miniBatches, int ppoEpochs, float learningRate,
                     float temperature, int maxNewTokens, double klCoef, String klEstimator, boolean adaptiveKl,
                     double klTarget, double klHorizon, double cliprange, double cliprangeValue, double vfCoef,
                     double gamma, double lam, double entropyCoef, double missingEosPenalty, double rewardClip,
                     int probeEvery, int checkpointEvery, long seed, double ptxCoef) {
        this(steps, rolloutPrompts, miniBatches, ppoEpochs, learningRate, temperature, maxNewTokens, klCoef, klEstimator,
                adaptiveKl, klTarget, klHorizon, cliprange, cliprangeValue, vfCoef, gamma, lam, entropyCoef,
                missingEosPenalty, rewardClip, probeEvery, checkpointEvery, seed, ptxCoef, 1, false);
    }

    /** Without PPO-ptx. */
    public PpoConfig(int steps, int rolloutPrompts, int miniBatches, int ppoEpochs, float learningRate,
                     float temperature, int maxNewTokens, double klCoef, String klEstimator, boolean adaptiveKl,
                     double klTarget, double klHorizon, double cliprange, double cliprangeValue, double vfCoef,
                     double gamma, double lam, double entropyCoef, double missingEosPenalty, double rewardClip,
                     int probeEvery, int checkpointEvery, long seed) {
        this(steps, rolloutPrompts, miniBatches, ppoEpochs, learningRate, temperature, maxNewTokens, klCoef, klEstimator,
                adaptiveKl, klTarget, klHorizon, cliprange, cliprangeValue, vfCoef, gamma, lam, entropyCoef,
                missingEosPenalty, rewardClip, probeEvery, checkpointEvery, seed, 0.0, 1, false);
    }

    public static PpoConfig defaults() {
        return new PpoConfig(60, 16, 2, 4, 3e-5f, 0.7f, 24, 0.05, "k1", false, 6.0, 10000, 0.2, 0.2, 0.1, 1.0, 0.95,
                0.0, 1.0, 5.0, 10, 10, 42, 0.0, 4, false);
    }

    public PpoConfig withPtx(double coef) {
        return new PpoConfig(steps, rolloutPrompts, miniBatches, ppoEpochs, learningRate, temperature, maxNewTokens,
                klCoef, klEstimator, adaptiveKl, klTarget, klHorizon, cliprange, cliprangeValue, vfCoef, gamma, lam,
                entropyCoef, missingEosPenalty, rewardClip, probeEvery, checkpointEvery, seed, coef, samplesPerPrompt,
                separateCritic);
    }

    public PpoConfig withSteps(int n) {
        return new PpoConfig(n, rolloutPrompts, miniBatches, ppoEpochs, learningRate, temperature, maxNewTokens, klCoef,
                klEstimator, adaptiveKl, klTarget, klHorizon, cliprange, cliprangeValue, vfCoef, gamma, lam, entropyCoef,
                missingEosPenalty, rewardClip, probeEvery, checkpointEvery, seed, ptxCoef, samplesPerPrompt, separateCritic);
    }

    public PpoConfig withSeparateCritic(boolean on) {
        return new PpoConfig(steps, rolloutPrompts, miniBatches, ppoEpochs, learningRate, temperature, maxNewTokens, klCoef,
                klEstimator, adaptiveKl, klTarget, klHorizon, cliprange, cliprangeValue, vfCoef, gamma, lam, entropyCoef,
                missingEosPenalty, rewardClip, probeEvery, checkpointEvery, seed, ptxCoef, samplesPerPrompt, on);
    }

    /**
     * Optimiser updates per PPO step (the learning-rate schedule's unit): epochs x minibatches,
     * where a rollout of distinctPrompts x K episodes is cut into min(miniBatches, episodes) even parts.
     */
    public int updatesPerStep() {
        return ppoEpochs * Math.max(1, Math.min(miniBatches, distinctPrompts() * samplesPerPrompt));
    }

    /** Prompts per rollout: episodes / K, at least 1. */
    public int distinctPrompts() {
        return Math.max(1, rolloutPrompts / samplesPerPrompt);
    }
}
