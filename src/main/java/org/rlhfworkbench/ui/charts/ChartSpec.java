package org.rlhfworkbench.ui.charts;

import java.util.List;

/** One line chart of a dashboard: its title and the metrics it draws against the step. */
public record ChartSpec(String title, List<String> metrics) {
    public ChartSpec {
        metrics = List.copyOf(metrics);
    }

    public static ChartSpec of(String title, String... metrics) {
        return new ChartSpec(title, List.of(metrics));
    }
}
