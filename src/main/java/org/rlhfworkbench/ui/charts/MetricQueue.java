package org.rlhfworkbench.ui.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.rlhfworkbench.core.MetricPoint;
import org.rlhfworkbench.core.RunStatus;
import org.rlhfworkbench.jobs.run.RunListener;

/**
 * A run's events, put in by the training thread (as its {@link RunListener}) and taken out in
 * batches on the JavaFX pulse: never one Platform.runLater per step.
 */
public final class MetricQueue implements RunListener {
    private final ConcurrentLinkedQueue<RunEvent> events = new ConcurrentLinkedQueue<>();

    @Override
    public void onMetric(MetricPoint point) {
        events.add(new RunEvent.Metric(point));
    }

    @Override
    public void onProgress(long step, long total, double tokensPerSecond, double etaSeconds) {
        events.add(new RunEvent.Progress(step, total, tokensPerSecond, etaSeconds));
    }

    @Override
    public void onStatus(RunStatus status, String error) {
        events.add(new RunEvent.Status(status, error));
    }

    @Override
    public void onLog(String line) {
        events.add(new RunEvent.Log(line));
    }

    /** Takes up to {@code max} events, oldest first. */
    public List<RunEvent> drain(int max) {
        List<RunEvent> out = new ArrayList<>();
        RunEvent e;
        while (out.size() < max && (e = events.poll()) != null) {
            out.add(e);
        }
        return out;
    }

    public boolean isEmpty() {
        return events.isEmpty();
    }
}
