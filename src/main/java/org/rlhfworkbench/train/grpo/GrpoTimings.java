package org.rlhfworkbench.train.grpo;

import java.util.LinkedHashMap;
import java.util.Map;

/** Seconds spent per phase, accumulated over the run (where the time goes). */
final class GrpoTimings {
    private final Map<String, Double> seconds = new LinkedHashMap<>();

    /** Adds the time since {@code start} (nanoTime) to {@code name}; returns now. */
    long add(String name, long start) {
        long now = System.nanoTime();
        seconds.merge(name, (now - start) / 1e9, Double::sum);
        return now;
    }

    Map<String, Double> totals() {
        return new LinkedHashMap<>(seconds);
    }
}
