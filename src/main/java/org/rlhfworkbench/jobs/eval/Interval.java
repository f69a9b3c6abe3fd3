package org.rlhfworkbench.jobs.eval;

/** A two-sided 95% interval [lo, hi]; NaN bounds when there is nothing to estimate from. */
public record Interval(double lo, double hi) {
    public static final double Z95 = 1.959963984540054;
    public static final Interval NONE = new Interval(Double.NaN, Double.NaN);

    /**
     * Wilson score interval of a proportion p = successes / n (Wilson 1927), which stays inside
     * [0, 1] and behaves at 0 and n successes where the normal (Wald) interval does not:
     * (p + z²/2n ± z·sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n). Successes may be fractional (a tie
     * counts half).
     */
    public static Interval wilson(double successes, int n) {
        if (n <= 0) {
            return NONE;
        }
        double p = successes / n;
        double z2 = Z95 * Z95;
        double denom = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denom;
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denom;
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /** value ± z·se. */
    public static Interval normal(double value, double se) {
        return Double.isFinite(se) ? new Interval(value - Z95 * se, value + Z95 * se) : NONE;
    }

    public boolean excludes(double value) {
        return value < lo || value > hi;
    }
}
