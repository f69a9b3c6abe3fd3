package org.rlhfworkbench.ui.charts;

import java.util.Arrays;

/**
 * The raw values of one metric of one run, in step order. A point at a step not after the last
 * one (a resumed run repeating steps after its checkpoint) replaces the tail from that step on.
 */
public final class MetricSeries {
    private final String name;
    private long[] steps = new long[64];
    private double[] values = new double[64];
    private int size;
    private int version;

    public MetricSeries(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public int size() {
        return size;
    }

    public long step(int i) {
        return steps[i];
    }

    public double value(int i) {
        return values[i];
    }

    /** Changes with every added point, so caches of derived values know when to recompute. */
    public int version() {
        return version;
    }

    public double lastValue() {
        return size == 0 ? Double.NaN : values[size - 1];
    }

    public void add(long step, double value) {
        if (size > 0 && step <= steps[size - 1]) {
            size = firstAtOrAfter(step);
        }
        if (size == steps.length) {
            steps = Arrays.copyOf(steps, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        steps[size] = step;
        values[size] = value;
        size++;
        version++;
    }

    public double[] stepsAsDoubles() {
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = steps[i];
        }
        return out;
    }

    public double[] values() {
        return Arrays.copyOf(values, size);
    }

    /** Index of the point whose step is closest to {@code step}; -1 when empty. */
    public int nearest(double step) {
        if (size == 0) {
            return -1;
        }
        int i = firstAtOrAfter((long) Math.ceil(step));
        if (i == size) {
            return size - 1;
        }
        return i > 0 && step - steps[i - 1] <= steps[i] - step ? i - 1 : i;
    }

    private int firstAtOrAfter(long step) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (steps[mid] < step) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
