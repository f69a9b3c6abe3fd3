package org.rlhfworkbench.ui.charts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rlhfworkbench.core.MetricPoint;

/** All metric series of one run, by name, as they arrived; {@link #points()} gives them back for CSV. */
public final class RunMetrics {
    private final String label;
    private final Map<String, MetricSeries> series = new LinkedHashMap<>();

    public RunMetrics(String label) {
        this.label = label;
    }

    public static RunMetrics of(String label, Collection<MetricPoint> points) {
        RunMetrics run = new RunMetrics(label);
        points.forEach(run::add);
        return run;
    }

    public String label() {
        return label;
    }

    public void add(MetricPoint p) {
        series.computeIfAbsent(p.name(), MetricSeries::new).add(p.step(), p.value());
    }

    /** The series {@code name}, or null when the run has not logged it. */
    public MetricSeries series(String name) {
        return series.get(name);
    }

    public boolean isEmpty() {
        return series.isEmpty();
    }

    /** Every point, ordered by step, then by metric in order of first appearance. */
    public List<MetricPoint> points() {
        List<MetricPoint> out = new ArrayList<>();
        for (MetricSeries s : series.values()) {
            for (int i = 0; i < s.size(); i++) {
                out.add(new MetricPoint(s.step(i), s.name(), s.value(i)));
            }
        }
        out.sort(Comparator.comparingLong(MetricPoint::step));
        return out;
    }
}
