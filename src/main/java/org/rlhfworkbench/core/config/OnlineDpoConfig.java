package org.rlhfworkbench.core.config;

import java.util.Locale;

/**
 * Online iterative DPO (Xiong et al. 2024; Dong et al. 2024, "RLHF Workflow"): each iteration
 * samples K responses per prompt from the current policy, lets the reward model pick a pair, and
 * trains DPO on the new pairs. Saved as JSON with the run; the seed is {@code dpo.seed()}.
 *
 * @param iterations T rounds of sample -> score -> pair -> DPO; RLHFlow runs 3
 * @param promptsPerIteration fresh prompts sampled each round (cycling through the training prompts)
 * @param k responses per prompt; 8 as in RLHFlow, more gives wider best-worst margins
 * @param temperature sampling temperature; 1.0 keeps the K responses diverse enough to compare
 * @param maxNewTokens response length cap, as for PPO
 * @param choice "maxmin": highest vs lowest reward-model score (RLHFlow); "random": two random responses, the
 *        better-scored one chosen (a baseline that shows what the max-min rule buys)
 * @param reference "sft": the frozen SFT model throughout (the KL stays anchored); "previous": the policy that
 *        generated the iteration's data (each round is a trust region around the last)
 * @param dpo the loss, beta, epochs per iteration, batch size, learning rate and seed of the DPO updates
 * @param probeEvery re-sample the probe prompts every N steps; 0 = never
 */
public record OnlineDpoConfig(int iterations, int promptsPerIteration, int k, float temperature, int maxNewTokens,
                              String choice, String reference, DpoConfig dpo, int probeEvery) {
    public OnlineDpoConfig {
        choice = choice.toLowerCase(Locale.ROOT);
        reference = reference.toLowerCase(Locale.ROOT);
        if (!choice.equals("maxmin") && !choice.equals("random")) {
            throw new IllegalArgumentException("choice must be maxmin or random, was " + choice);
        }
        if (!reference.equals("sft") && !reference.equals("previous")) {
            throw new IllegalArgumentException("reference must be sft or previous, was " + reference);
        }
        if (iterations < 1 || promptsPerIteration < 1 || k < 2) {
            throw new IllegalArgumentException("need at least 1 iteration, 1 prompt and K >= 2");
        }
    }

    public static OnlineDpoConfig defaults() {
        return new OnlineDpoConfig(3, 64, 8, 1.0f, 24, "maxmin", "sft", DpoConfig.defaults(), 10);
    }

    /** DPO steps in one iteration: epochs over at most one pair per prompt. */
    public int stepsPerIteration() {
        return dpo.epochs() * ((promptsPerIteration + dpo.batchSize() - 1) / dpo.batchSize());
    }

    public boolean previousReference() {
        return reference.equals("previous");
    }
}
