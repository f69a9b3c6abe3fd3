package org.rlhfworkbench.train.grpo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.rlhfworkbench.core.config.GrpoConfig;
import org.rlhfworkbench.lm.nd.Scalars;

class PolicyLossTest {
    static GrpoConfig.Algorithm alg(double low, double high, boolean sequence, double beta) {
        return new GrpoConfig.Algorithm("grpo", "token_mean", low, high, sequence, beta, true, false, 0, 1, false, true);
    }

    static float[] perToken(float[] logRatio, float[] adv, float[] mask, int rows, GrpoConfig.Algorithm a,
                            float[] logp, float[] ref) {
        try (NDManager m = NDManager.newBaseManager()) {
            Shape shape = new Shape(rows, logRatio.length / rows);
            NDArray lp = m.create(logp, shape);
            NDArray old = lp.sub(m.create(logRatio, shape));
            NDArray r = ref == null ? null : m.create(ref, shape);
            return PolicyLoss.perToken(lp, old, m.create(adv, shape), m.create(mask, shape), r, a, new Scalars(m))
                    .broadcast(shape).toFloatArray();
        }
    }

    @Test
    void clipHigherBoundsGainsAt1PlusEpsHighAndLossesAt1MinusEpsLow() {
        // eps_low 0.2, eps_high 0.28:
        // r = 1.5, A = +1: min(1.5, 1.28) = 1.28          -> l = -1.28 (clipped high)
        // r = 0.5, A = -1: min(-0.5, -0.8) = -0.8         -> l = 0.8   (clipped low)
        // r = 1.1, A = +2: min(2.2, 2.2)                  -> l = -2.2
        // r = 1.5, A = -1: min(-1.5, -1.28) = -1.5        -> l = 1.5   (no clip against a loss)
        float[] lr = {(float) Math.log(1.5), (float) Math.log(0.5), (float) Math.log(1.1), (float) Math.log(1.5)};
        float[] l = perToken(lr, new float[] {1, -1, 2, -1}, new float[] {1, 1, 1, 1}, 1, alg(0.2, 0.28, false, 0),
                new float[] {-1, -1, -1, -1}, null);
        assertThat(l).containsExactly(new float[] {-1.28f, 0.8f, -2.2f, 1.5f}, within(1e-5f));
        // symmetric 0.2: the first token stops at 1.2
        float[] sym = perToken(lr, new float[] {1, -1, 2, -1}, new float[] {1, 1, 1, 1}, 1, alg(0.2, 0.2, false, 0),
                new float[] {-1, -1, -1, -1}, null);
        assertThat(sym[0]).isCloseTo(-1.2f, within(1e-5f));
    }

    @Test
    void gspoUsesOneRatioPerAnswerFromItsMeanLogRatio() {
        // log ratios [0.2, -0.1, (padding) 5], mask [1, 1, 0]: mean 0.05, r = exp(0.05) = 1.0512711, A = 1
        // eps 0.1 / 0.1: unclipped, l = -1.0512711 on every token; eps 3e-4 / 4e-4: l = -1.0004
        float[] lr = {0.2f, -0.1f, 5f};
        float[] mask = {1, 1, 0};
        float[] logp = {-1, -1, -1};
        float[] wide = perToken(lr, new float[] {1, 1, 1}, mask, 1, alg(0.1, 0.1, true, 0), logp, null);
        assertThat(wide[0]).isCloseTo(-1.0512711f, within(1e-5f));
        assertThat(wide[1]).isCloseTo(-1.0512711f, within(1e-5f));
        float[] tight = perToken(lr, new float[] {1, 1, 1}, mask, 1, alg(3e-4, 4e-4, true, 0), logp, null);
        assertThat(tight[0]).isCloseTo(-1.0004f, within(1e-5f));
    }

    @Test
    void theKlLossTermIsBetaTimesK3() {
        // ratio 1, A = 0: the surrogate is 0; logp = -1, ref = -1.5: d = ref - logp = -0.5,
        // k3 = exp(-0.5) + 0.5 - 1 = 0.1065307, beta 0.1 -> l = 0.0106531
        float[] l = perToken(new float[] {0}, new float[] {0}, new float[] {1}, 1, alg(0.2, 0.2, false, 0.1),
                new float[] {-1}, new float[] {-1.5f});
        assertThat(l[0]).isCloseTo(0.0106531f, within(1e-6f));
    }

    @Test
    void theOverlongPenaltyRampsOverTheBufferToMinusPAtTheCap() {
        // L_max 24, buffer 4, p 1: free up to 20 tokens; 22 -> (20 - 22) / 4 = -0.5; 24 -> -1
        assertThat(OverlongPenalty.of(20, 24, 4, 1)).isZero();
        assertThat(OverlongPenalty.of(22, 24, 4, 1)).isEqualTo(-0.5);
        assertThat(OverlongPenalty.of(24, 24, 4, 1)).isEqualTo(-1.0);
        assertThat(OverlongPenalty.of(24, 24, 0, 1)).isZero();
    }
}
