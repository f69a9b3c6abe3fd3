package org.rlhfworkbench.ui.charts;

import org.rlhfworkbench.core.MetricPoint;
import org.rlhfworkbench.core.RunStatus;

/** What a training thread reports, as queued for the UI thread. */
public sealed interface RunEvent {
    record Metric(MetricPoint point) implements RunEvent {
    }

    record Progress(long step, long total, double tokensPerSecond, double etaSeconds) implements RunEvent {
    }

    record Status(RunStatus status, String error) implements RunEvent {
    }

    record Log(String line) implements RunEvent {
    }
}
