package org.rlhfworkbench.ui.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Turns the raw series of the shown run (and the overlaid one) into lines for one chart: with
 * smoothing, the raw curve faint and the smoothed one solid, like TensorBoard; the overlaid run
 * dashed. Raw values are never changed. Also answers hover questions with the exact values.
 */
final class PlotLines {
    private final int maxPoints;
    private final Map<MetricSeries, double[]> smoothed = new WeakHashMap<>();
    private final Map<MetricSeries, Integer> smoothedVersion = new WeakHashMap<>();
    private double smoothedWeight = -1;

    PlotLines(int maxPoints) {
        this.maxPoints = maxPoints;
    }

    List<PlotLine> lines(ChartSpec chart, RunMetrics primary, RunMetrics overlay, double weight) {
        List<PlotLine> out = new ArrayList<>();
        for (int m = 0; m < chart.metrics().size(); m++) {
            String name = chart.metrics().get(m);
            MetricSeries s = primary.series(name);
            if (s != null) {
                if (weight > 0 && smoothable(name)) {
                    out.add(line("primary/" + name + "/raw", name + " (raw)", m, PlotLine.Style.FAINT, s, s.values()));
                }
                out.add(line("primary/" + name, label(name, primary), m, PlotLine.Style.SOLID, s, smooth(s, weight)));
            }
            MetricSeries o = overlay == null ? null : overlay.series(name);
            if (o != null) {
                out.add(line("overlay/" + name, label(name, overlay), m, PlotLine.Style.DASHED, o, smooth(o, weight)));
            }
        }
        return out;
    }

    /** "step 120 · loss 2.34567 (smoothed 2.40011)", one part per run and metric of the chart. */
    String hover(ChartSpec chart, RunMetrics primary, RunMetrics overlay, double weight, double step) {
        List<String> parts = new ArrayList<>();
        for (RunMetrics run : overlay == null ? List.of(primary) : List.of(primary, overlay)) {
            for (String name : chart.metrics()) {
                MetricSeries s = run.series(name);
                int i = s == null ? -1 : s.nearest(step);
                if (i >= 0) {
                    String who = overlay == null ? name : run.label() + " " + name;
                    String text = String.format(Locale.ROOT, "%s %s at step %d", who, RunFormat.value(s.value(i)), s.step(i));
                    parts.add(weight > 0 && smoothable(name) ? text + " (smoothed " + RunFormat.value(smooth(s, weight)[i]) + ")" : text);
                }
            }
        }
        return String.join("\n", parts);
    }

    private PlotLine line(String key, String label, int colour, PlotLine.Style style, MetricSeries s, double[] y) {
        int[] keep = Decimator.keep(y, maxPoints);
        double[] xs = new double[keep.length];
        double[] ys = new double[keep.length];
        for (int i = 0; i < keep.length; i++) {
            xs[i] = s.step(keep[i]);
            ys[i] = y[keep[i]];
        }
        return new PlotLine(key, label, colour, style, xs, ys);
    }

    private static String label(String name, RunMetrics run) {
        return run.label().isEmpty() ? name : name + " · " + run.label();
    }

    /**
     * Noisy per-step metrics are smoothed; evaluations (a few points, one per epoch) and the
     * learning rate (a schedule, not noise) are drawn as they are.
     */
    static boolean smoothable(String name) {
        return !name.startsWith("eval/") && !name.equals("lr");
    }

    /** The EMA of a series, recomputed only when the series or the weight changed. */
    private double[] smooth(MetricSeries s, double weight) {
        if (weight <= 0 || !smoothable(s.name())) {
            return s.values();
        }
        if (weight != smoothedWeight) {
            smoothed.clear();
            smoothedVersion.clear();
            smoothedWeight = weight;
        }
        Integer version = smoothedVersion.get(s);
        if (version == null || version != s.version()) {
            smoothed.put(s, Ema.smooth(s.values(), weight));
            smoothedVersion.put(s, s.version());
        }
        return smoothed.get(s);
    }
}
