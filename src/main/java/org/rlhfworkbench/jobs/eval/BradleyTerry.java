package org.rlhfworkbench.jobs.eval;

import java.util.Arrays;
import java.util.List;

/**
 * Bradley-Terry strengths from pairwise outcomes: P(i beats j) = 1 / (1 + exp(θj - θi)).
 * A tie counts half a win for each side (as in Chatbot Arena's ties). Fitted by Newton's method
 * on the log-likelihood L = Σ_(i,j) w_ij θ_i - n_ij log(e^θi + e^θj), with θ_0 held at 0 and an
 * optional ridge λ/2 Σθ² (keeps a model that won every vote finite). Reported centred (mean 0)
 * with standard errors from the inverse observed information, centred the same way.
 */
public final class BradleyTerry {
    /** One judged pair: model {@code x} against {@code y}, {@code scoreX} 1 (x won), 0.5 (tie) or 0. */
    public record Outcome(int x, int y, double scoreX) {
    }

    /**
     * @param theta centred log-strengths
     * @param se their standard errors (NaN when the comparison graph is not connected)
     */
    public record Fit(double[] theta, double[] se, int iterations) {
        /** 95% interval of model i's centred log-strength. */
        public Interval interval(int i) {
            return Interval.normal(theta[i], se[i]);
        }

        /** Elo-style rating: 1000 + 400·θ/ln 10 (so 400 points = 10:1 odds). */
        public static double elo(double theta) {
            return 1000 + 400 * theta / Math.log(10);
        }
    }

    /** Default ridge: a prior worth far less than one vote, enough to keep an unbeaten model finite. */
    public static final double DEFAULT_RIDGE = 1e-2;
    private static final int MAX_ITER = 100;
    private static final double TOL = 1e-10;

    private BradleyTerry() {
    }

    public static Fit fit(int models, List<Outcome> outcomes) {
        return fit(models, outcomes, DEFAULT_RIDGE);
    }

    public static Fit fit(int models, List<Outcome> outcomes, double ridge) {
        int k = models;
        double[][] wins = new double[k][k];   // w_ij: wins of i over j, ties half
        double[][] games = new double[k][k];  // n_ij, symmetric
        for (Outcome o : outcomes) {
            wins[o.x()][o.y()] += o.scoreX();
            wins[o.y()][o.x()] += 1 - o.scoreX();
            games[o.x()][o.y()] += 1;
            games[o.y()][o.x()] += 1;
        }
        double[] theta = new double[k];
        int iter = 0;
        double[][] info = new double[k][k];
        for (; iter < MAX_ITER && k > 1; iter++) {
            // 1. gradient g_i = Σ_j (w_ij - n_ij p_ij) - λθ_i; information I = -Hessian
            double[] grad = new double[k];
            info = information(theta, games, ridge);
            for (int i = 0; i < k; i++) {
                grad[i] = -ridge * theta[i];
                for (int j = 0; j < k; j++) {
                    if (j != i && games[i][j] > 0) {
                        grad[i] += wins[i][j] - games[i][j] * p(theta[i], theta[j]);
                    }
                }
            }
            // 2. Newton step on θ_1..θ_{k-1} (θ_0 = 0 fixes the scale's origin)
            double[] step = Linear.solve(Linear.dropFirst(info), Arrays.copyOfRange(grad, 1, k));
            if (step == null) {
                break;
            }
            double biggest = 0;
            for (int i = 1; i < k; i++) {
                double s = Math.max(-5, Math.min(5, step[i - 1]));
                theta[i] += s;
                biggest = Math.max(biggest, Math.abs(s));
            }
            if (biggest < TOL) {
                iter++;
                break;
            }
        }
        info = information(theta, games, ridge);
        // 3. covariance of θ_1..θ_{k-1}; θ_0 has variance 0 by construction
        double[][] reduced = k > 1 ? Linear.inverse(Linear.dropFirst(info)) : null;
        double[][] cov = new double[k][k];
        boolean ok = k > 1 && reduced != null;
        if (ok) {
            for (int i = 1; i < k; i++) {
                System.arraycopy(reduced[i - 1], 0, cov[i], 1, k - 1);
            }
        }
        // 4. centre: θc = Mθ, Cov(θc) = M Cov M^T with M = I - 11^T/k
        double mean = Arrays.stream(theta).average().orElse(0);
        double[] centred = Arrays.stream(theta).map(t -> t - mean).toArray();
        double[] se = new double[k];
        double total = 0;
        double[] rowMean = new double[k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                rowMean[i] += cov[i][j] / k;
                total += cov[i][j] / ((double) k * k);
            }
        }
        for (int i = 0; i < k; i++) {
            double v = cov[i][i] - 2 * rowMean[i] + total;
            se[i] = ok && v >= 0 ? Math.sqrt(v) : Double.NaN;
        }
        return new Fit(centred, se, iter);
    }

    private static double[][] information(double[] theta, double[][] games, double ridge) {
        int k = theta.length;
        double[][] info = new double[k][k];
        for (int i = 0; i < k; i++) {
            info[i][i] = ridge;
            for (int j = 0; j < k; j++) {
                if (j != i && games[i][j] > 0) {
                    double v = games[i][j] * p(theta[i], theta[j]) * p(theta[j], theta[i]);
                    info[i][i] += v;
                    info[i][j] -= v;
                }
            }
        }
        return info;
    }

    /** P(i beats j). */
    static double p(double ti, double tj) {
        return 1 / (1 + Math.exp(tj - ti));
    }
}
