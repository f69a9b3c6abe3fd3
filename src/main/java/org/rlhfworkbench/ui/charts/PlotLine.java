package org.rlhfworkbench.ui.charts;

/**
 * One line to draw: x = steps, y = values, already smoothed and thinned.
 *
 * @param key stable identity across redraws, e.g. "primary/loss/smoothed"
 * @param colour index into the chart palette (one per metric)
 */
public record PlotLine(String key, String label, int colour, Style style, double[] x, double[] y) {
    /** Raw values under smoothing are faint; the overlaid run is dashed. */
    public enum Style { SOLID, FAINT, DASHED }
}
