package org.rlhfworkbench.train.dpo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.rlhfworkbench.core.config.DpoConfig;
import org.rlhfworkbench.lm.nd.Scalars;

/**
 * Two pairs, beta 0.1:
 *   pair 1: logp_w -2, ref_w -3, logp_l -4, ref_l -3.5  ->  h = 1 - (-0.5) = 1.5
 *   pair 2: logp_w -5, ref_w -4.5, logp_l -3, ref_l -3.5 ->  h = -0.5 - 0.5 = -1.0
 * DPO  per pair softplus(-beta h): log(1 + e^-0.15) = 0.6209570, log(1 + e^0.10) = 0.7443967; mean 0.6826769
 * IPO  per pair (h - 5)^2: 12.25, 36; mean 24.125
 * cDPO eps 0.2: 0.8 * 0.6209570 + 0.2 * 0.7709570 = 0.6509570; 0.8 * 0.7443967 + 0.2 * 0.6443967 = 0.7243967;
 *      mean 0.6876769 (softplus(x) = softplus(-x) + x)
 */
class DpoLossTest {
    static final float[] W = {-2f, -5f};
    static final float[] REF_W = {-3f, -4.5f};
    static final float[] L = {-4f, -3f};
    static final float[] REF_L = {-3.5f, -3.5f};

    static double loss(String kind, double smoothing) {
        DpoConfig cfg = new DpoConfig(kind, 0.1, "all", smoothing, 1, 2, 1e-3f, 0, 64, 10, 1);
        try (NDManager m = NDManager.newBaseManager()) {
            return DpoLoss.of(m.create(W), m.create(L), m.create(REF_W), m.create(REF_L), cfg, new Scalars(m)).getFloat();
        }
    }

    @Test
    void dpoLossMatchesTheHandComputedMean() {
        assertThat(loss("dpo", 0)).isCloseTo(0.6826769, within(1e-6));
    }

    @Test
    void ipoLossMatchesTheHandComputedMean() {
        assertThat(loss("ipo", 0)).isCloseTo(24.125, within(1e-4));
    }

    @Test
    void conservativeDpoMixesTheFlippedLabel() {
        assertThat(loss("dpo", 0.2)).isCloseTo(0.6876769, within(1e-6));
    }

    @Test
    void loggedRewardsAreBetaTimesTheLogRatios() {
        DpoLoss.Stats s = DpoLoss.stats(0.5, W, L, new double[] {-3, -4.5}, new double[] {-3.5, -3.5}, 0.1);
        // rewards chosen: 0.1 * (1, -0.5) -> mean 0.025; rejected: 0.1 * (-0.5, 0.5) -> mean 0
        assertThat(s.rewardsChosen()).isCloseTo(0.025, within(1e-9));
        assertThat(s.rewardsRejected()).isCloseTo(0.0, within(1e-9));
        assertThat(s.margins()).isCloseTo(0.025, within(1e-9));
        assertThat(s.accuracies()).isEqualTo(0.5);
        assertThat(s.logpsChosen()).isEqualTo(-3.5);
        assertThat(s.logpsRejected()).isEqualTo(-3.5);
    }

    @Test
    void aHugeMarginGivesAFiniteLoss() {
        DpoConfig cfg = new DpoConfig("dpo", 0.1, "all", 0, 1, 2, 1e-3f, 0, 64, 10, 1);
        try (NDManager m = NDManager.newBaseManager()) {
            float v = DpoLoss.of(m.create(new float[] {-1f}), m.create(new float[] {-5000f}), m.create(new float[] {-1f}),
                    m.create(new float[] {-1f}), cfg, new Scalars(m)).getFloat();
            assertThat(v).isCloseTo(0f, within(1e-6f));
            float bad = DpoLoss.of(m.create(new float[] {-5000f}), m.create(new float[] {-1f}), m.create(new float[] {-1f}),
                    m.create(new float[] {-1f}), cfg, new Scalars(m)).getFloat();
            assertThat(bad).isCloseTo(499.9f, within(1e-2f));
        }
    }
}
