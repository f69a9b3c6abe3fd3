package org.rlhfworkbench.lm.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Loss, AdamW, clipping and schedules against values computed by hand. */
class OptimNumericsTest {

    @Test
    void nextTokenLossOnAThreeTokenExampleMatchesHandComputation() {
        try (NDManager m = NDManager.newBaseManager()) {
            // 1 row, 3 positions, vocab 3; the middle position is masked out
            float[] logits = {1, 2, 3, 0, 0, 0, 2, 0, -1};
            NDArray l = m.create(logits, new Shape(1, 3, 3));
            NDArray y = m.create(new long[] {2, 1, 0}, new Shape(1, 3));
            NDArray w = m.create(new float[] {1, 0, 1}, new Shape(1, 3));
            float got = Losses.nextToken(l, y, w).getFloat();
            double lse0 = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3));
            double lse2 = Math.log(Math.exp(2) + Math.exp(0) + Math.exp(-1));
            double want = ((lse0 - 3) + (lse2 - 2)) / 2;
            assertThat(got).isCloseTo((float) want, within(1e-6f));
        }
    }

    @Test
    void adamWStepMatchesTheFormulaAndSkipsDecayOnVectors() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray matrix = m.create(new float[] {1f, -2f}, new Shape(1, 2));
            NDArray bias = m.create(new float[] {0.5f});
            Map<String, NDArray> params = new LinkedHashMap<>();
            params.put("w", matrix);
            params.put("b", bias);
            Gradients.enable(params.values());
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                // loss = sum(w^2) + 3 b  ->  dw = 2w = [2, -4], db = 3
                gc.backward(matrix.square().sum().add(bias.mul(m.create(3f)).sum()));
            }
            OptimizerConfig cfg = new OptimizerConfig(0.9f, 0.95f, 1e-8f, 0.1f, 0f);
            try (AdamW adam = new AdamW(cfg)) {
                adam.step(params, 0.01f);
            }
            // step 1: m_hat = g, v_hat = g^2, so the update is lr * g / (|g| + eps) = lr * sign(g)
            double lr = 0.01;
            assertThat(matrix.toFloatArray()).containsExactly(new float[] {
                    (float) (1 * (1 - lr * 0.1) - lr * 2 / (2 + 1e-8)),
                    (float) (-2 * (1 - lr * 0.1) + lr * 4 / (4 + 1e-8))}, within(1e-6f));
            assertThat(bias.toFloatArray()).containsExactly(new float[] {(float) (0.5 - lr)}, within(1e-6f));
        }
    }

    /**
     * Five steps of Trainer (global-norm clip 1, AdamW with decay) on loss = sum(c * w^2) + sum(d * b),
     * against a naive loop in double precision written from torch.optim.AdamW's documented
     * algorithm (bias corrections on m and v separately, eps outside the square root).
     */
    @Test
    void trainerStepsMatchANaiveAdamWLoopWithClipping() {
        trainerStepsMatchANaiveAdamWLoop(2, 2);
    }

    /** A matrix large enough for AdamW's in-place path (the vector stays on the native call). */
    @Test
    void largeTensorsTakingTheInPlacePathMatchTheSameLoop() {
        trainerStepsMatchANaiveAdamWLoop(1024, (int) (AdamW.IN_PLACE_MIN / 1024) + 3);
    }

    private static void trainerStepsMatchANaiveAdamWLoop(int rows, int cols) {
        int n = rows * cols;
        java.util.Random rnd = new java.util.Random(11);
        float[] c = new float[n];
        float[] w0 = new float[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = (float) rnd.nextGaussian();
            w0[i] = (float) rnd.nextGaussian();
            w[i] = w0[i];
        }
        if (n == 4) {           // the small case keeps its hand-picked values
            c = new float[] {3f, -0.5f, 2f, 0.25f};
            w0 = new float[] {1f, -2f, 0.5f, 3f};
            w = new double[] {1, -2, 0.5, 3};
        }
        float[] d = {-4f, 0.1f};
        double[] b = {0.5, -1};
        double lr = 0.02;
        double b1 = 0.9;
        double b2 = 0.95;
        double eps = 1e-3;          // large, so an eps folded in wrongly shows
        double wd = 0.1;
        OptimizerConfig cfg = new OptimizerConfig((float) b1, (float) b2, (float) eps, (float) wd, 1f);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray wNd = m.create(w0, new Shape(rows, cols));
            NDArray bNd = m.create(new float[] {0.5f, -1f});
            Map<String, NDArray> params = new LinkedHashMap<>();
            params.put("w", wNd);
            params.put("b", bNd);
            NDArray cNd = m.create(c, new Shape(rows, cols));
            NDArray dNd = m.create(d);
            double[] mw = new double[n];
            double[] vw = new double[n];
            double[] mb = new double[2];
            double[] vb = new double[2];
            try (Trainer trainer = new Trainer(params, m, cfg, new LrSchedule(LrSchedule.Kind.CONSTANT, (float) lr, 0, 5, 0f))) {
                for (int t = 1; t <= 5; t++) {
                    trainer.step(1, (mm, micro) -> wNd.square().mul(cNd).sum().add(bNd.mul(dNd).sum()));
                    // the reference: grads, global-norm clip to 1, then AdamW
                    double[] gw = new double[n];
                    double[] gb = new double[2];
                    double sq = 0;
                    for (int i = 0; i < n; i++) {
                        gw[i] = 2 * c[i] * w[i];
                        sq += gw[i] * gw[i];
                    }
                    for (int i = 0; i < 2; i++) {
                        gb[i] = d[i];
                        sq += gb[i] * gb[i];
                    }
                    double norm = Math.sqrt(sq);
                    double scale = norm > 1 ? 1 / (norm + 1e-6) : 1;
                    double bc1 = 1 - Math.pow(b1, t);
                    double bc2 = 1 - Math.pow(b2, t);
                    for (int i = 0; i < n; i++) {
                        double g = gw[i] * scale;
                        w[i] *= 1 - lr * wd;
                        mw[i] = b1 * mw[i] + (1 - b1) * g;
                        vw[i] = b2 * vw[i] + (1 - b2) * g * g;
                        w[i] -= lr * (mw[i] / bc1) / (Math.sqrt(vw[i] / bc2) + eps);
                    }
                    for (int i = 0; i < 2; i++) {
                        double g = gb[i] * scale;                    // no decay on vectors
                        mb[i] = b1 * mb[i] + (1 - b1) * g;
                        vb[i] = b2 * vb[i] + (1 - b2) * g * g;
                        b[i] -= lr * (mb[i] / bc1) / (Math.sqrt(vb[i] / bc2) + eps);
                    }
                    float[] gotW = wNd.toFloatArray();
                    float[] gotB = bNd.toFloatArray();
                    double worst = 0;
                    for (int i = 0; i < n; i++) {
                        worst = Math.max(worst, Math.abs(gotW[i] - w[i]));
                    }
                    // float32 rounding over a million elements stays near 1e-6; an eps or bias
                    // correction out of place moves weights by 1e-3 or more (the updates are ~lr = 0.02)
                    assertThat(worst).as("max |w - reference| at step %d", t).isLessThan(1e-5);
                    for (int i = 0; i < 2; i++) {
                        assertThat((double) gotB[i]).as("b[%d] at step %d", i, t).isCloseTo(b[i], within(2e-6));
                    }
                    assertThat(wNd.getGradient().toFloatArray()).as("zeroed after the step").containsOnly(0f);
                }
            }
        }
    }

    @Test
    void clippingScalesAllGradientsByTheGlobalNorm() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.create(new float[] {1f, 1f});
            NDArray b = m.create(new float[] {1f});
            Gradients.enable(List.of(a, b));
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                // grads: a -> [3, 4] ... via loss = 3 a0 + 4 a1 + 12 b, norm = sqrt(9 + 16 + 144) = 13
                gc.backward(a.mul(m.create(new float[] {3f, 4f})).sum().add(b.mul(m.create(12f)).sum()));
            }
            double norm = Gradients.clipGlobalNorm(List.of(a, b), 1f);
            assertThat(norm).isCloseTo(13.0, within(1e-5));
            assertThat(a.getGradient().toFloatArray()).containsExactly(new float[] {3f / 13, 4f / 13}, within(1e-5f));
            assertThat(b.getGradient().toFloatArray()).containsExactly(new float[] {12f / 13}, within(1e-5f));
            Gradients.zero(List.of(a, b));
            assertThat(a.getGradient().toFloatArray()).containsExactly(0f, 0f);
        }
    }

    @Test
    void warmupThenCosineDecay() {
        LrSchedule s = LrSchedule.cosine(1e-3f, 10, 110);
        assertThat(s.at(0)).isCloseTo(1e-4f, within(1e-9f));
        assertThat(s.at(9)).isCloseTo(1e-3f, within(1e-9f));
        assertThat(s.at(60)).isCloseTo(1e-4f + 0.9e-3f * 0.5f, within(1e-8f));  // halfway: cos = 0
        assertThat(s.at(110)).isCloseTo(1e-4f, within(1e-9f));
        LrSchedule lin = new LrSchedule(LrSchedule.Kind.LINEAR, 1f, 0, 100, 0f);
        assertThat(lin.at(25)).isCloseTo(0.75f, within(1e-6f));
    }
}
