package org.rlhfworkbench.core;

/** One logged value of a run, e.g. ("objective/kl", step 12, 0.031). Names follow TRL's. */
public record MetricPoint(long step, String name, double value) {
}
