package org.rlhfworkbench.jobs.label;

/** Labeled / total prompts, preference pairs so far, and decisions per hour in this session. */
public record LabelProgress(long labeled, long total, long pairs, double perHour) {
}
