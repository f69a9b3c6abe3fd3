package org.rlhfworkbench.jobs.ppo;

/** The names a PPO run logs its metrics under (TRL's, so users recognise them). */
public final class PpoMetricNames {
    public static final String SCORES = "objective/scores";
    public static final String RLHF_REWARD = "objective/rlhf_reward";
    public static final String NON_SCORE_REWARD = "objective/non_score_reward";
    public static final String KL = "objective/kl";
    public static final String ENTROPY = "objective/entropy";
    public static final String POLICY_LOSS = "loss/policy_avg";
    public static final String VALUE_LOSS = "loss/value_avg";
    public static final String CLIPFRAC = "policy/clipfrac_avg";
    public static final String APPROX_KL = "policy/approxkl_avg";
    public static final String RATIO = "val/ratio";
    public static final String VALUE_CLIPFRAC = "val/clipfrac_avg";
    /** Responses of the step that ended with EOS (a count, as in TRL). */
    public static final String NUM_EOS = "val/num_eos_tokens";
    public static final String RESPONSE_LENGTH = "response_length";
    public static final String BETA = "beta";
    /** Episodes (sampled responses) so far. */
    public static final String EPISODE = "episode";

    private PpoMetricNames() {
    }
}
