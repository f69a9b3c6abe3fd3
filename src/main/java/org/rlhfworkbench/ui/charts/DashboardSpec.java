package org.rlhfworkbench.ui.charts;

import java.util.List;

/**
 * What a run dashboard shows: its charts, and which metric the evaluation tile follows (e.g.
 * "eval/loss" titled "Eval loss"). The loss tile follows "loss".
 */
public record DashboardSpec(List<ChartSpec> charts, String evalMetric, String evalTitle) {
    public static final String LOSS = "loss";

    public DashboardSpec {
        charts = List.copyOf(charts);
    }
}
