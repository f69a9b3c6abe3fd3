package org.rlhfworkbench.train.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A RunContext for tests: metrics in a list, cancels when asked at a given step. */
public class MemoryRunContext implements RunContext {
    public record Point(long step, String name, double value) {
    }

    private final Path dir;
    private final long cancelAtStep;
    private long step;
    public final List<Point> metrics = new ArrayList<>();
    public final List<String> logs = new ArrayList<>();

    public MemoryRunContext(Path dir, long cancelAtStep) {
        this.dir = dir;
        this.cancelAtStep = cancelAtStep;
    }

    @Override
    public Path dir() {
        return dir;
    }

    @Override
    public void metric(long s, String name, double value) {
        metrics.add(new Point(s, name, value));
    }

    @Override
    public void progress(long s, long total, double tokensPerSecond) {
        step = s;
    }

    @Override
    public boolean shouldStop() {
        return cancelAtStep >= 0 && step >= cancelAtStep;
    }

    @Override
    public void log(String message) {
        logs.add(message);
    }

    public List<Point> named(String name) {
        return metrics.stream().filter(p -> p.name().equals(name)).toList();
    }
}
