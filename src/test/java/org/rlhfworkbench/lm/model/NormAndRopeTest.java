package org.rlhfworkbench.lm.model;

import org.rlhfworkbench.lm.io.RopeParams;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** RMSNorm, rotary embedding and gelu_new against values computed by hand. */
class NormAndRopeTest {

    @Test
    void rmsNormDividesByTheRootMeanSquare() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {1, 2, 3, 4});
            NDArray w = m.create(new float[] {1, 1, 2, 0.5f});
            float[] y = Ops.rmsNorm(x, w, m.create(0f)).toFloatArray();
            double rms = Math.sqrt((1 + 4 + 9 + 16) / 4.0);  // sqrt(7.5)
            assertThat(y).containsExactly(new float[] {(float) (1 / rms), (float) (2 / rms), (float) (2 * 3 / rms),
                    (float) (0.5 * 4 / rms)}, within(1e-6f));
        }
    }

    @Test
    void ropeRotatesPairsByPositionTimesInverseFrequency() {
        try (NDManager m = NDManager.newBaseManager()) {
            Rope rope = new Rope(4, RopeParams.plain(10000.0).invFreq(4), m);  // inv_freq = [1, 10000^(-1/2)] = [1, 0.01]
            NDArray[] cs = rope.cosSin(m, new long[] {0, 1}, 1, 2);
            NDArray x = m.create(new float[] {1, 2, 3, 4, 1, 2, 3, 4}, new Shape(1, 1, 2, 4));
            float[] y = Rope.apply(x, cs[0], cs[1], rope.rotateHalfMatrix(m)).toFloatArray();
            // position 0: no rotation
            assertThat(new float[] {y[0], y[1], y[2], y[3]}).containsExactly(new float[] {1, 2, 3, 4}, within(1e-6f));
            // position 1: x*cos + rotate_half(x)*sin with rotate_half([a,b,c,d]) = [-c,-d,a,b]
            double c1 = Math.cos(1);
            double s1 = Math.sin(1);
            double c2 = Math.cos(0.01);
            double s2 = Math.sin(0.01);
            assertThat(new float[] {y[4], y[5], y[6], y[7]}).containsExactly(new float[] {
                    (float) (1 * c1 - 3 * s1), (float) (2 * c2 - 4 * s2), (float) (3 * c1 + 1 * s1),
                    (float) (4 * c2 + 2 * s2)}, within(1e-6f));
        }
    }

    @Test
    void ropeTablesGrowPastTheFirstRowsAndGatherEachRowsPositions() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] inv = RopeParams.plain(10000.0).invFreq(4);
            Rope rope = new Rope(6, inv, m);  // head_dim 6, rotary 4: dims 4 and 5 pass through
            rope.cosSin(m, new long[] {3}, 1, 1);                       // builds the first table (256 rows)
            long[] pos = {700, 2, 0, 299};                              // (2, 2): row 0 = 700, 2; row 1 = 0, 299
            NDArray[] cs = rope.cosSin(m, pos, 2, 2);
            assertThat(cs[0].getShape().getShape()).containsExactly(2, 1, 2, 6);
            float[] cos = cs[0].toFloatArray();
            float[] sin = cs[1].toFloatArray();
            for (int r = 0; r < 4; r++) {
                for (int i = 0; i < 2; i++) {
                    float angle = (float) pos[r] * inv[i];  // float32 product, as transformers
                    assertThat(cos[r * 6 + i]).isEqualTo((float) Math.cos(angle));
                    assertThat(cos[r * 6 + i + 2]).isEqualTo((float) Math.cos(angle));
                    assertThat(sin[r * 6 + i + 2]).isEqualTo((float) Math.sin(angle));
                }
                assertThat(new float[] {cos[r * 6 + 4], cos[r * 6 + 5], sin[r * 6 + 4], sin[r * 6 + 5]})
                        .containsExactly(1f, 1f, 0f, 0f);
            }
        }
    }

    @Test
    void geluNewMatchesTheTanhFormula() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] xs = {-3f, -1f, 0f, 0.5f, 2f};
            float[] y = Ops.geluNew(m.create(xs), new org.rlhfworkbench.lm.nd.Scalars(m)).toFloatArray();
            for (int i = 0; i < xs.length; i++) {
                double x = xs[i];
                double want = 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)));
                assertThat(y[i]).isCloseTo((float) want, within(1e-6f));
            }
        }
    }
}
