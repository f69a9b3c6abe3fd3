package org.rlhfworkbench.lm.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** Figures of one benchmark run, in the order they were measured; printed by the CLI. */
public record BenchResult(String what, Map<String, Object> config, Map<String, Double> figures) {
    public BenchResult {
        config = new LinkedHashMap<>(config);
        figures = new LinkedHashMap<>(figures);
    }
}
