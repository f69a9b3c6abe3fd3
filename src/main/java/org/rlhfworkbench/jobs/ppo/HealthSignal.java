package org.rlhfworkbench.jobs.ppo;

/**
 * A PPO health warning, raised at the step its condition starts (once per episode of the
 * condition): what was seen, what it usually means, and what to try.
 */
public record HealthSignal(long step, Kind kind, Severity severity, String title, String meaning, String advice) {

    /** How urgent: a warning to keep an eye on, or a problem that usually ruins the run. */
    public enum Severity { WARNING, CRITICAL }

    /** The conditions the {@link HealthMonitor} watches. */
    public enum Kind {
        KL_HIGH, KL_NEGATIVE, RATIO_FAR_FROM_ONE, CLIPFRAC_HIGH, ENTROPY_COLLAPSE, LENGTH_RUNAWAY, LENGTH_COLLAPSE,
        REWARD_FLAT, MISSING_EOS,
        /** DPO: the chosen answers' log-prob falls (likelihood displacement). */
        CHOSEN_LOGP_FALLING,
        /** Probe answers grow far longer than the reference model's (RL or DPO). */
        PROBE_LENGTH_RUNAWAY,
        /** Probe answers to different prompts come out the same. */
        PROBE_REPETITION
    }
}
