package org.rlhfworkbench.jobs.ppo;

import java.util.ArrayDeque;
import java.util.Deque;

/** The last few values of one metric and their least-squares trend. */
final class Trend {
    private final int window;
    private final Deque<double[]> points = new ArrayDeque<>();

    Trend(int window) {
        this.window = window;
    }

    void add(long step, double value) {
        if (!Double.isFinite(value)) {
            return;
        }
        while (!points.isEmpty() && points.peekLast()[0] >= step) {
            points.pollLast();
        }
        points.addLast(new double[] {step, value});
        if (points.size() > window) {
            points.pollFirst();
        }
    }

    boolean full() {
        return points.size() == window;
    }

    /** How much the fitted line rises from the first to the last step of the window. */
    double change() {
        int n = points.size();
        if (n < 2) {
            return 0;
        }
        double mx = 0;
        double my = 0;
        for (double[] p : points) {
            mx += p[0] / n;
            my += p[1] / n;
        }
        double sxy = 0;
        double sxx = 0;
        for (double[] p : points) {
            sxy += (p[0] - mx) * (p[1] - my);
            sxx += (p[0] - mx) * (p[0] - mx);
        }
        return sxx == 0 ? 0 : sxy / sxx * (points.peekLast()[0] - points.peekFirst()[0]);
    }
}
