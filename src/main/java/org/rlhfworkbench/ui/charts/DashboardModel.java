package org.rlhfworkbench.ui.charts;

import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.rlhfworkbench.core.MetricPoint;

/**
 * State of a run dashboard, without nodes: the run shown (live or reopened) and an optional
 * overlaid run, the smoothing weight, and the headline figures. Use it on the UI thread; the
 * view redraws when {@link #revision()} changes.
 */
public final class DashboardModel {
    public static final int MAX_POINTS = 2000;
    public static final double DEFAULT_SMOOTHING = 0.6;

    private final DashboardSpec spec;
    private final PlotLines plot = new PlotLines(MAX_POINTS);
    private final DoubleProperty smoothing = new SimpleDoubleProperty(this, "smoothing", DEFAULT_SMOOTHING);
    private final DoubleProperty loss = new SimpleDoubleProperty(this, "loss", Double.NaN);
    private final DoubleProperty eval = new SimpleDoubleProperty(this, "eval", Double.NaN);
    private final DoubleProperty tokensPerSecond = new SimpleDoubleProperty(this, "tokensPerSecond", Double.NaN);
    private final DoubleProperty etaSeconds = new SimpleDoubleProperty(this, "etaSeconds", Double.NaN);
    private final LongProperty step = new SimpleLongProperty(this, "step");
    private final LongProperty totalSteps = new SimpleLongProperty(this, "totalSteps");
    private final StringProperty title = new SimpleStringProperty(this, "title", "No run");
    private final StringProperty overlayTitle = new SimpleStringProperty(this, "overlayTitle", "");
    private RunMetrics primary = new RunMetrics("");
    private RunMetrics overlay;
    private long revision;

    public DashboardModel(DashboardSpec spec) {
        this.spec = spec;
        smoothing.addListener((obs, old, now) -> revision++);
    }

    public DashboardSpec spec() {
        return spec;
    }

    /** Clears the charts for a run whose points will arrive through {@link #apply}. */
    public void startLive(String label) {
        show(label, List.of());
    }

    /** Shows a run's recorded points (a finished run, or the start of a resumed one). */
    public void show(String label, List<MetricPoint> points) {
        primary = RunMetrics.of(label, points);
        title.set(label);
        loss.set(last(DashboardSpec.LOSS));
        eval.set(last(spec.evalMetric()));
        MetricSeries l = primary.series(DashboardSpec.LOSS);
        step.set(l == null || l.size() == 0 ? 0 : l.step(l.size() - 1));
        totalSteps.set(step.get());
        tokensPerSecond.set(Double.NaN);
        etaSeconds.set(Double.NaN);
        revision++;
    }

    public void overlay(String label, List<MetricPoint> points) {
        overlay = RunMetrics.of(label, points);
        overlayTitle.set(label);
        revision++;
    }

    public void clearOverlay() {
        overlay = null;
        overlayTitle.set("");
        revision++;
    }

    public void apply(RunEvent event) {
        if (event instanceof RunEvent.Metric m) {
            primary.add(m.point());
            if (m.point().name().equals(DashboardSpec.LOSS)) {
                loss.set(m.point().value());
            } else if (m.point().name().equals(spec.evalMetric())) {
                eval.set(m.point().value());
            }
            revision++;
        } else if (event instanceof RunEvent.Progress p) {
            step.set(p.step());
            totalSteps.set(p.total());
            tokensPerSecond.set(p.tokensPerSecond());
            etaSeconds.set(p.step() >= p.total() ? 0 : p.etaSeconds());
        }
    }

    public List<PlotLine> lines(ChartSpec chart) {
        return plot.lines(chart, primary, overlay, smoothing.get());
    }

    /** The exact values nearest to {@code step} in one chart, for the hover label. */
    public String hover(ChartSpec chart, double step) {
        return plot.hover(chart, primary, overlay, smoothing.get(), step);
    }

    /** The shown run's raw points, for CSV export. */
    public List<MetricPoint> points() {
        return primary.points();
    }

    public RunMetrics primary() {
        return primary;
    }

    public long revision() {
        return revision;
    }

    private double last(String name) {
        MetricSeries s = name == null ? null : primary.series(name);
        return s == null ? Double.NaN : s.lastValue();
    }

    public DoubleProperty smoothingProperty() {
        return smoothing;
    }

    public DoubleProperty lossProperty() {
        return loss;
    }

    public DoubleProperty evalProperty() {
        return eval;
    }

    public DoubleProperty tokensPerSecondProperty() {
        return tokensPerSecond;
    }

    public DoubleProperty etaSecondsProperty() {
        return etaSeconds;
    }

    public LongProperty stepProperty() {
        return step;
    }

    public LongProperty totalStepsProperty() {
        return totalSteps;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty overlayTitleProperty() {
        return overlayTitle;
    }
}
