package org.rlhfworkbench.ui.charts;

/**
 * TensorBoard's smoothing: an exponential moving average with weight w in [0, 1), debiased
 * (divided by 1 - w^n) so the curve starts at the first value instead of at zero. Non-finite
 * values pass through and do not disturb the average.
 */
public final class Ema {
    private Ema() {
    }

    public static double[] smooth(double[] values, double weight) {
        if (weight < 0 || weight >= 1) {
            throw new IllegalArgumentException("smoothing weight must be in [0, 1), was " + weight);
        }
        double[] out = new double[values.length];
        double last = 0;
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (!Double.isFinite(v)) {
                out[i] = v;
                continue;
            }
            last = last * weight + (1 - weight) * v;
            n++;
            out[i] = last / (1 - Math.pow(weight, n));
        }
        return out;
    }
}
