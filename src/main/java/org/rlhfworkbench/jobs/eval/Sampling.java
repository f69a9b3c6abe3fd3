package org.rlhfworkbench.jobs.eval;

/**
 * The sampling settings a person sets in the Evaluate and Chat tabs.
 *
 * @param temperature 0 is greedy; 0.7 is TRL's PPO default, some variety without noise
 * @param topP nucleus sampling; 1 keeps every token
 * @param maxNewTokens answers stop here without EOS
 */
public record Sampling(float temperature, float topP, int maxNewTokens) {
    public static final Sampling DEFAULT = new Sampling(0.7f, 0.95f, 64);

    public Sampling {
        if (!(temperature >= 0) || !(topP > 0 && topP <= 1) || maxNewTokens < 1) {
            throw new IllegalArgumentException("sampling needs temperature >= 0, top-p in (0, 1] and max new tokens >= 1;"
                    + " got " + temperature + ", " + topP + ", " + maxNewTokens);
        }
    }
}
