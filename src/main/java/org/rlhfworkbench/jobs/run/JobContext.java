package org.rlhfworkbench.jobs.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.rlhfworkbench.core.MetricPoint;
import org.rlhfworkbench.core.RunStatus;
import org.rlhfworkbench.store.Project;
import org.rlhfworkbench.core.config.ProbeSample;
import org.rlhfworkbench.train.run.RunContext;

/**
 * The RunContext of a job: metrics go to the metric table (one transaction per step) and to
 * the listener; pause blocks the training thread between steps; cancel ends it after a checkpoint.
 */
final class JobContext implements RunContext {
    private final Project project;
    private final long runId;
    private final Path dir;
    private final RunListener listener;
    private final List<MetricPoint> pending = new ArrayList<>();
    private final long started = System.nanoTime();
    private long pendingStep = -1;
    private volatile boolean cancelled;
    private boolean paused;

    JobContext(Project project, long runId, Path dir, RunListener listener) {
        this.project = project;
        this.runId = runId;
        this.dir = dir;
        this.listener = listener;
    }

    @Override
    public Path dir() {
        return dir;
    }

    @Override
    public synchronized void metric(long step, String name, double value) {
        if (step != pendingStep) {
            flush();
            pendingStep = step;
        }
        MetricPoint p = new MetricPoint(step, name, value);
        pending.add(p);
        listener.onMetric(p);
    }

    /** Writes buffered metric points in one transaction. */
    synchronized void flush() {
        if (!pending.isEmpty()) {
            project.metrics().add(runId, List.copyOf(pending));
            pending.clear();
        }
    }

    @Override
    public void progress(long step, long total, double tokensPerSecond) {
        double elapsed = (System.nanoTime() - started) / 1e9;
        double eta = step <= 0 ? Double.NaN : elapsed / step * (total - step);
        listener.onProgress(step, total, tokensPerSecond, eta);
    }

    @Override
    public synchronized boolean shouldStop() {
        flush();
        while (paused && !cancelled) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancelled = true;
            }
        }
        return cancelled;
    }

    synchronized void pause(boolean on) {
        paused = on;
        project.runs().setStatus(runId, on ? RunStatus.PAUSED : RunStatus.RUNNING, null);
        listener.onStatus(on ? RunStatus.PAUSED : RunStatus.RUNNING, null);
        notifyAll();
    }

    synchronized void cancel() {
        cancelled = true;
        notifyAll();
    }

    boolean cancelled() {
        return cancelled;
    }

    @Override
    public void samples(long step, List<ProbeSample> samples) {
        listener.onSamples(step, List.copyOf(samples));
    }

    @Override
    public void log(String message) {
        listener.onLog(message);
        append(message);
    }

    /** The failure's stack trace, for the run's log.txt only (the user sees one line). */
    void logTrace(Throwable e) {
        StringBuilder trace = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            trace.append(t == e ? "" : "Caused by: ").append(t).append('\n');
            for (StackTraceElement el : t.getStackTrace()) {
                trace.append("\tat ").append(el).append('\n');
            }
        }
        append(trace.toString().stripTrailing());
    }

    private void append(String message) {
        try {
            Files.writeString(dir.resolve("log.txt"), message + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            listener.onLog("(could not append to " + dir.resolve("log.txt") + ": " + e.getMessage() + ")");
        }
    }
}
