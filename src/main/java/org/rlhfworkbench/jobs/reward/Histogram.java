package org.rlhfworkbench.jobs.reward;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Equal-width bins over a range symmetric about zero, so that zero is always a bin edge: for
 * score differences r_w - r_l, the bins left of zero hold the pairs the model puts the wrong way round.
 */
public final class Histogram {
    /** Values in [lo, hi) (the last bin also holds hi). */
    public record Bin(double lo, double hi, int count) {
    }

    private Histogram() {
    }

    /** {@code bins} (even, at least 2) bins over [-a, a], a the largest |value|; none when there are no finite values. */
    public static List<Bin> symmetric(double[] values, int bins) {
        if (bins < 2 || bins % 2 != 0) {
            throw new IllegalArgumentException("need an even number of bins, got " + bins);
        }
        double a = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                a = Math.max(a, Math.abs(v));
            }
        }
        if (a == 0 && Arrays.stream(values).noneMatch(Double::isFinite)) {
            return List.of();
        }
        a = a == 0 ? 1 : a;
        double width = 2 * a / bins;
        int[] counts = new int[bins];
        for (double v : values) {
            if (Double.isFinite(v)) {
                int i = (int) Math.floor((v + a) / width);
                counts[Math.min(bins - 1, Math.max(0, i))]++;
            }
        }
        List<Bin> out = new ArrayList<>();
        for (int i = 0; i < bins; i++) {
            out.add(new Bin(edge(a, i, bins), edge(a, i + 1, bins), counts[i]));
        }
        return out;
    }

    /** Edge i of bins over [-a, a]: exactly 0 in the middle and exactly a at the end. */
    private static double edge(double a, int i, int bins) {
        return a * (2.0 * i - bins) / bins;
    }
}
