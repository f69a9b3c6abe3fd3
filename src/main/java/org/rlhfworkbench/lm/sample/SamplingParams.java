package org.rlhfworkbench.lm.sample;

import java.util.Set;

/**
 * How to sample. Defaults suit labeling: some diversity among the K answers, nothing cut off.
 *
 * @param temperature logits are divided by it; 0 means greedy (argmax)
 * @param topK keep the k most likely tokens; 0 keeps all
 * @param topP keep the smallest set whose probability reaches p; 1 keeps all
 * @param maxNewTokens stop after this many tokens even without EOS
 * @param seed the same seed, prompts and model give the same samples
 * @param stopIds token ids that end a sequence (EOS); the stop token is kept in the output
 */
public record SamplingParams(float temperature, int topK, float topP, int maxNewTokens, long seed,
                             Set<Integer> stopIds) {
    public SamplingParams {
        if (temperature < 0 || topK < 0 || topP <= 0 || topP > 1 || maxNewTokens < 1) {
            throw new IllegalArgumentException("bad sampling parameters: T=" + temperature + " top_k=" + topK
                    + " top_p=" + topP + " max_new_tokens=" + maxNewTokens);
        }
        stopIds = Set.copyOf(stopIds);
    }

    /** Temperature 0.7 (TRL's PPO default), no truncation, 64 new tokens, seed 0. */
    public static SamplingParams defaults(Set<Integer> stopIds) {
        return new SamplingParams(0.7f, 0, 1f, 64, 0, stopIds);
    }

    public SamplingParams withSeed(long s) {
        return new SamplingParams(temperature, topK, topP, maxNewTokens, s, stopIds);
    }

    public SamplingParams withMaxNewTokens(int n) {
        return new SamplingParams(temperature, topK, topP, n, seed, stopIds);
    }
}
