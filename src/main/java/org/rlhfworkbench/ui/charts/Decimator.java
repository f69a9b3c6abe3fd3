package org.rlhfworkbench.ui.charts;

import java.util.Arrays;

/**
 * Thins a long series for drawing without losing its spikes: the points are cut into equal
 * buckets and each bucket keeps its lowest and highest value (in order); the first and last
 * points always stay. Non-finite values are never kept.
 */
public final class Decimator {
    private Decimator() {
    }

    /** Indices (increasing) of the points to draw: all finite ones when there are at most {@code max}. */
    public static int[] keep(double[] values, int max) {
        if (max < 4) {
            throw new IllegalArgumentException("keep at least 4 points, asked for " + max);
        }
        int n = values.length;
        int[] out = new int[Math.min(n, max)];
        int k = 0;
        if (n <= max) {
            for (int i = 0; i < n; i++) {
                if (Double.isFinite(values[i])) {
                    out[k++] = i;
                }
            }
            return Arrays.copyOf(out, k);
        }
        int first = firstFinite(values);
        int end = lastFinite(values);
        if (first < 0) {
            return new int[0];
        }
        out[k++] = first;
        int last = first;
        int buckets = (max - 2) / 2;
        for (int b = 0; b < buckets; b++) {
            int lo = (int) ((long) b * n / buckets);
            int hi = (int) ((long) (b + 1) * n / buckets);
            int min = -1;
            int maxAt = -1;
            for (int i = lo; i < hi; i++) {
                if (Double.isFinite(values[i])) {
                    min = min < 0 || values[i] < values[min] ? i : min;
                    maxAt = maxAt < 0 || values[i] > values[maxAt] ? i : maxAt;
                }
            }
            for (int i : new int[] {Math.min(min, maxAt), Math.max(min, maxAt)}) {
                if (i > last && i < end) {
                    out[k++] = i;
                    last = i;
                }
            }
        }
        if (end > last) {
            out[k++] = end;
        }
        return Arrays.copyOf(out, k);
    }

    private static int firstFinite(double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (Double.isFinite(values[i])) {
                return i;
            }
        }
        return -1;
    }

    private static int lastFinite(double[] values) {
        for (int i = values.length - 1; i >= 0; i--) {
            if (Double.isFinite(values[i])) {
                return i;
            }
        }
        return -1;
    }
}
