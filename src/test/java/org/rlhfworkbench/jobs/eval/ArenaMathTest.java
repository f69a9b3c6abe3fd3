package org.rlhfworkbench.jobs.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rlhfworkbench.core.Winner;
import org.rlhfworkbench.jobs.eval.ArenaResults.PairRow;
import org.rlhfworkbench.jobs.eval.BradleyTerry.Outcome;

/** Wilson intervals, pair tallies and Bradley-Terry against hand-computed values and a naive MM iteration. */
class ArenaMathTest {

    @Test
    void wilsonIntervalMatchesHandComputedValues() {
        // 7 of 10: centre (0.7 + 1.9208/10) / 1.38415 = 0.64449, half 1.96 * sqrt(0.021 + 0.0096) / 1.38415 = 0.24772
        Interval i = Interval.wilson(7, 10);
        assertThat(i.lo()).isCloseTo(0.3968, within(1e-4));
        assertThat(i.hi()).isCloseTo(0.8922, within(1e-4));
        // 0 of 10 and 10 of 10: the interval does not collapse to a point as the Wald one does
        assertThat(Interval.wilson(0, 10).hi()).isCloseTo(0.2775, within(1e-4));
        assertThat(Interval.wilson(10, 10).lo()).isCloseTo(0.7225, within(1e-4));
        assertThat(Interval.wilson(0, 0).lo()).isNaN();
    }

    @Test
    void pairTableCountsTiesAndBothBadAsHalfAndOrdersTheModels() {
        // model 7 vs model 3, stored both ways round: rows read "3 vs 7"
        List<ArenaTally.Vote> votes = List.of(new ArenaTally.Vote(7, 3, Winner.A), new ArenaTally.Vote(3, 7, Winner.A),
                new ArenaTally.Vote(3, 7, Winner.TIE), new ArenaTally.Vote(7, 3, Winner.BOTH_BAD),
                new ArenaTally.Vote(7, 3, Winner.B));
        List<PairRow> rows = ArenaTally.pairs(votes, id -> "m" + id);
        assertThat(rows).hasSize(1);
        PairRow r = rows.get(0);
        assertThat(List.of(r.modelA(), r.modelB())).containsExactly("m3", "m7");
        assertThat(new int[] {r.votes(), r.winsA(), r.winsB(), r.ties(), r.bothBad()}).containsExactly(5, 2, 1, 1, 1);
        assertThat(r.winRateA()).isCloseTo(3.0 / 5, within(1e-12));   // (2 + 0.5 + 0.5) / 5
        assertThat(r.interval()).isEqualTo(Interval.wilson(3, 5));
    }

    @Test
    void twoModelBradleyTerryIsTheLogOddsWithTheBinomialStandardError() {
        // A beats B 3 times of 4: θA - θB = ln 3; var(diff) = 1 / (n p (1-p)) = 1 / 0.75; centred: half each
        List<Outcome> o = List.of(new Outcome(0, 1, 1), new Outcome(0, 1, 1), new Outcome(1, 0, 0), new Outcome(0, 1, 0));
        BradleyTerry.Fit fit = BradleyTerry.fit(2, o, 0);
        assertThat(fit.theta()[0]).isCloseTo(Math.log(3) / 2, within(1e-9));
        assertThat(fit.theta()[1]).isCloseTo(-Math.log(3) / 2, within(1e-9));
        assertThat(fit.se()[0]).isCloseTo(Math.sqrt(1 / 0.75) / 2, within(1e-9));
        assertThat(fit.se()[1]).isCloseTo(Math.sqrt(1 / 0.75) / 2, within(1e-9));
    }

    @Test
    void bradleyTerryMatchesNaiveMinorisationMaximisationOnFourModelsWithTies() {
        int k = 4;
        List<Outcome> outcomes = new ArrayList<>();
        int[][] wins = {{0, 6, 5, 8}, {3, 0, 4, 6}, {2, 5, 0, 5}, {1, 2, 3, 0}};
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                for (int n = 0; n < wins[i][j]; n++) {
                    outcomes.add(new Outcome(i, j, 1));
                }
            }
        }
        outcomes.add(new Outcome(1, 2, 0.5));
        outcomes.add(new Outcome(3, 0, 0.5));
        BradleyTerry.Fit fit = BradleyTerry.fit(k, outcomes, 0);
        double[] reference = naiveMm(k, outcomes);
        for (int i = 0; i < k; i++) {
            assertThat(fit.theta()[i]).as("theta %d", i).isCloseTo(reference[i], within(1e-6));
        }
        assertThat(fit.theta()[0]).isGreaterThan(fit.theta()[1]);
        assertThat(fit.theta()[2]).isGreaterThan(fit.theta()[3]);
    }

    @Test
    void threeModelStandardErrorsMatchANumericalHessian() {
        List<Outcome> outcomes = new ArrayList<>();
        int[][] wins = {{0, 7, 9}, {4, 0, 6}, {2, 5, 0}};
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int n = 0; n < wins[i][j]; n++) {
                    outcomes.add(new Outcome(i, j, 1));
                }
            }
        }
        BradleyTerry.Fit fit = BradleyTerry.fit(3, outcomes, 0);
        // θ0 = 0 reference; numerical Hessian of L in (θ1, θ2) at the optimum, by central differences
        double[] t = {0, fit.theta()[1] - fit.theta()[0], fit.theta()[2] - fit.theta()[0]};
        double h = 1e-4;
        double[][] hess = new double[2][2];
        for (int a = 1; a <= 2; a++) {
            for (int b = 1; b <= 2; b++) {
                hess[a - 1][b - 1] = (ll(shift(t, a, h, b, h), outcomes) - ll(shift(t, a, h, b, -h), outcomes)
                        - ll(shift(t, a, -h, b, h), outcomes) + ll(shift(t, a, -h, b, -h), outcomes)) / (4 * h * h);
            }
        }
        // covariance of (θ1, θ2) = (-H)^-1, by the 2 × 2 formula; θ0 has none
        double det = hess[0][0] * hess[1][1] - hess[0][1] * hess[1][0];
        double[][] v = {{0, 0, 0}, {0, -hess[1][1] / det, hess[0][1] / det}, {0, hess[1][0] / det, -hess[0][0] / det}};
        // centred θc_i = θ_i - mean θ: var = v_ii - 2/3 Σ_j v_ij + 1/9 Σ_jk v_jk
        double total = 0;
        for (double[] row : v) {
            for (double x : row) {
                total += x;
            }
        }
        for (int i = 0; i < 3; i++) {
            double rowSum = v[i][0] + v[i][1] + v[i][2];
            double var = v[i][i] - 2.0 / 3 * rowSum + total / 9;
            assertThat(fit.se()[i]).as("se %d", i).isCloseTo(Math.sqrt(var), within(1e-4));
        }
    }

    @Test
    void anUnbeatenModelStaysFiniteWithTheDefaultRidgeAndTiesAloneGiveEqualStrengths() {
        BradleyTerry.Fit unbeaten = BradleyTerry.fit(2, List.of(new Outcome(0, 1, 1), new Outcome(0, 1, 1)));
        assertThat(unbeaten.theta()[0]).isFinite().isGreaterThan(1);
        assertThat(unbeaten.se()[0]).isFinite();
        BradleyTerry.Fit ties = BradleyTerry.fit(3, List.of(new Outcome(0, 1, 0.5), new Outcome(1, 2, 0.5),
                new Outcome(2, 0, 0.5)), 0);
        assertThat(ties.theta()).containsExactly(new double[] {0, 0, 0}, within(1e-12));
    }

    @Test
    void rankingPutsTheStrongestFirstOnTheEloScale() {
        List<ArenaTally.Vote> votes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            votes.add(new ArenaTally.Vote(1, 2, i < 6 ? Winner.A : Winner.B));
            votes.add(new ArenaTally.Vote(2, 3, i < 6 ? Winner.A : Winner.TIE));
            votes.add(new ArenaTally.Vote(1, 3, i < 7 ? Winner.A : Winner.B));
        }
        List<ArenaResults.RankRow> rows = ArenaTally.ranking(votes, id -> "m" + id);
        assertThat(rows).extracting(ArenaResults.RankRow::model).containsExactly("m1", "m2", "m3");
        assertThat(rows.get(0).elo()).isGreaterThan(1000);
        assertThat(rows.get(0).eloInterval().lo()).isLessThan(rows.get(0).elo());
        assertThat(rows.get(0).votes()).isEqualTo(16);
    }

    /** Hunter's (2004) MM update π_i ← W_i / Σ_j n_ij / (π_i + π_j), run to convergence; centred log π. */
    private static double[] naiveMm(int k, List<Outcome> outcomes) {
        double[] w = new double[k];
        double[][] n = new double[k][k];
        for (Outcome o : outcomes) {
            w[o.x()] += o.scoreX();
            w[o.y()] += 1 - o.scoreX();
            n[o.x()][o.y()]++;
            n[o.y()][o.x()]++;
        }
        double[] pi = new double[k];
        java.util.Arrays.fill(pi, 1);
        for (int it = 0; it < 20000; it++) {
            double[] next = new double[k];
            for (int i = 0; i < k; i++) {
                double d = 0;
                for (int j = 0; j < k; j++) {
                    if (j != i) {
                        d += n[i][j] / (pi[i] + pi[j]);
                    }
                }
                next[i] = w[i] / d;
            }
            double sum = 0;
            for (double x : next) {
                sum += x;
            }
            for (int i = 0; i < k; i++) {
                pi[i] = next[i] / sum;
            }
        }
        double mean = 0;
        for (double x : pi) {
            mean += Math.log(x) / k;
        }
        double[] out = new double[k];
        for (int i = 0; i < k; i++) {
            out[i] = Math.log(pi[i]) - mean;
        }
        return out;
    }

    private static double ll(double[] t, List<Outcome> outcomes) {
        double s = 0;
        for (Outcome o : outcomes) {
            double p = 1 / (1 + Math.exp(t[o.y()] - t[o.x()]));
            s += o.scoreX() * Math.log(p) + (1 - o.scoreX()) * Math.log(1 - p);
        }
        return s;
    }

    private static double[] shift(double[] t, int a, double da, int b, double db) {
        double[] out = t.clone();
        out[a] += da;
        out[b] += db;
        return out;
    }
}
