package org.rlhfworkbench.jobs.grpo;

/** A GRPO health warning, raised at the step its condition starts: what was seen, what it usually means, what to try. */
public record GrpoSignal(long step, Kind kind, String title, String meaning, String advice) {

    /** The conditions {@link GrpoHealth} watches. */
    public enum Kind { ZERO_STD_HIGH, CLIP_LOW_HIGH, CLIP_HIGH_HIGH, LENGTH_RUNAWAY, TRUNCATION_HIGH, ENTROPY_COLLAPSE }
}
