package org.rlhfworkbench.train.ppo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** GAE against its closed-form definition, the clipped losses by hand, the KL estimators by definition. */
class PpoNumericsTest {

    /** A_t = sum_{l >= 0} (gamma lambda)^l delta_{t+l}, each delta written out: no recursion. */
    static double naiveAdvantage(float[] r, float[] v, int len, int t, double g, double lam) {
        double a = 0;
        for (int l = 0; t + l < len; l++) {
            int k = t + l;
            double nextV = k + 1 < len ? v[k + 1] : 0;
            double delta = r[k] + g * nextV - v[k];
            a += Math.pow(g * lam, l) * delta;
        }
        return a;
    }

    @Test
    void gaeMatchesTheClosedFormSumOnRaggedRows() {
        Random rng = new Random(3);
        int width = 7;
        int[] lengths = {7, 3, 1, 5};
        float[] r = new float[4 * width];
        float[] v = new float[4 * width];
        for (int b = 0; b < 4; b++) {
            for (int t = 0; t < lengths[b]; t++) {
                r[b * width + t] = (float) rng.nextGaussian();
                v[b * width + t] = (float) rng.nextGaussian();
            }
        }
        for (double[] gl : new double[][] {{1.0, 0.95}, {0.9, 0.5}, {1.0, 1.0}}) {
            float[][] out = Gae.compute(r, v, lengths, width, gl[0], gl[1]);
            for (int b = 0; b < 4; b++) {
                float[] rb = java.util.Arrays.copyOfRange(r, b * width, (b + 1) * width);
                float[] vb = java.util.Arrays.copyOfRange(v, b * width, (b + 1) * width);
                for (int t = 0; t < width; t++) {
                    double want = t < lengths[b] ? naiveAdvantage(rb, vb, lengths[b], t, gl[0], gl[1]) : 0;
                    assertThat(out[0][b * width + t]).isCloseTo((float) want, within(1e-5f));
                    double ret = t < lengths[b] ? want + vb[t] : 0;
                    assertThat(out[1][b * width + t]).isCloseTo((float) ret, within(1e-5f));
                }
            }
        }
    }

    @Test
    void whitenedAdvantagesHaveZeroMeanAndUnitStdOverRealTokens() {
        float[] adv = {1, 2, 3, 0, 10, 20, 0, 0};
        Gae.whiten(adv, new int[] {3, 2}, 4);
        double mean = (adv[0] + adv[1] + adv[2] + adv[4] + adv[5]) / 5;
        assertThat(mean).isCloseTo(0, within(1e-6));
        assertThat(adv[3]).isZero();
        assertThat(adv[6]).isZero();
        // by hand: values 1,2,3,10,20 -> mean 7.2, sample std sqrt(((6.2^2+5.2^2+4.2^2+2.8^2+12.8^2))/4)
        double std = Math.sqrt((6.2 * 6.2 + 5.2 * 5.2 + 4.2 * 4.2 + 2.8 * 2.8 + 12.8 * 12.8) / 4);
        assertThat(adv[4]).isCloseTo((float) (2.8 / std), within(1e-5f));
    }

    @Test
    void clippedPolicyLossMatchesHandComputation() {
        try (NDManager m = NDManager.newBaseManager()) {
            // ratios e^0.5 = 1.6487 (clipped to 1.2), e^-0.1 = 0.9048, e^-0.5 = 0.6065 (clipped to 0.8); last masked
            float[] logp = {0.5f, -0.1f, -0.5f, 9f};
            float[] adv = {1f, -2f, -1f, 5f};
            float[] mask = {1, 1, 1, 0};
            float got = PpoLosses.policy(m.create(logp, new Shape(1, 4)), m.zeros(new Shape(1, 4)),
                    m.create(adv, new Shape(1, 4)), m.create(mask, new Shape(1, 4)), 0.2).getFloat();
            double r1 = Math.exp(0.5);
            double r2 = Math.exp(-0.1);
            double r3 = Math.exp(-0.5);
            double t1 = Math.max(-1 * r1, -1 * 1.2);          // A > 0: the clip caps the gain at 1.2
            double t2 = Math.max(2 * r2, 2 * Math.max(0.8, r2));
            double t3 = Math.max(1 * r3, 1 * 0.8);            // A < 0 and r < 1 - eps: pessimistic = clipped
            assertThat(got).isCloseTo((float) ((t1 + t2 + t3) / 3), within(1e-6f));
        }
    }

    @Test
    void clippedValueLossMatchesHandComputation() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] v = {1.0f, 0.0f};
            float[] vOld = {0.5f, 0.1f};
            float[] ret = {2.0f, -1.0f};
            float c = 0.2f;
            float got = PpoLosses.value(m.create(v, new Shape(1, 2)), m.create(new float[] {vOld[0] - c, vOld[1] - c},
                            new Shape(1, 2)), m.create(new float[] {vOld[0] + c, vOld[1] + c}, new Shape(1, 2)),
                    m.create(ret, new Shape(1, 2)), m.ones(new Shape(1, 2))).getFloat();
            // token 0: V=1 clipped to 0.7 -> max((1-2)^2, (0.7-2)^2) = 1.69; token 1: V=0 inside -> max(1, 1) = 1
            assertThat(got).isCloseTo((1.69f + 1f) / 2, within(1e-6f));
        }
    }

    @Test
    void klEstimatorsFollowTheirDefinitions() {
        double logp = -1.2;
        double ref = -2.0;
        assertThat(KlEstimator.K1.estimate(logp, ref)).isCloseTo(0.8, within(1e-12));
        double r = Math.exp(ref - logp);
        assertThat(KlEstimator.K3.estimate(logp, ref)).isCloseTo((r - 1) - Math.log(r), within(1e-12));
        assertThat(KlEstimator.K3.estimate(-3.0, -1.0)).isPositive();
        assertThat(KlEstimator.K1.estimate(-3.0, -1.0)).isNegative();
        assertThat(KlEstimator.K3.estimate(-1.0, -1.0)).isZero();
    }

    @Test
    void adaptiveControllerMovesBetaTowardsTheTarget() {
        KlController c = new KlController(0.1, true, 6.0, 100);
        c.update(12.0, 10);  // KL twice the target: e = clip(1, ., 0.2) = 0.2 -> beta * (1 + 0.2 * 10 / 100)
        assertThat(c.beta()).isCloseTo(0.1 * 1.02, within(1e-12));
        c.update(3.0, 10);   // e = -0.5 clipped to -0.2
        assertThat(c.beta()).isCloseTo(0.1 * 1.02 * 0.98, within(1e-12));
        KlController fixed = new KlController(0.05, false, 6, 100);
        fixed.update(100, 10);
        assertThat(fixed.beta()).isEqualTo(0.05);
    }
}
