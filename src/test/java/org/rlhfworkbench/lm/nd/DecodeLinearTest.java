package org.rlhfworkbench.lm.nd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The decode kernel against a naive double-precision loop, and where it must step aside. */
class DecodeLinearTest {
    private boolean gradBefore;

    @BeforeEach
    void noGrad() {
        assumeTrue(DecodeLinear.usable(), "the decode kernel needs Linux x86-64 with AVX2 and gcc at build time");
        Engine.getEngine("PyTorch");  // JniUtils needs libtorch loaded
        gradBefore = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
    }

    @AfterEach
    void restoreGrad() {
        JniUtils.setGradMode(gradBefore);
    }

    private static float[] gaussian(Random rnd, int size) {
        float[] a = new float[size];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) rnd.nextGaussian();
        }
        return a;
    }

    /** Worst |got - x W^T - b| over all outputs, sums in double. */
    private static double worstError(float[] got, float[] x, float[] w, float[] b, int m, int n, int k) {
        double worst = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double want = b == null ? 0 : b[j];
                for (int t = 0; t < k; t++) {
                    want += (double) x[i * k + t] * w[j * k + t];
                }
                worst = Math.max(worst, Math.abs(got[i * n + j] - want));
            }
        }
        return worst;
    }

    /** Every remainder of the 4-row x 3-column blocks and of the 8-lane sums, with and without bias. */
    @Test
    void matchesANaiveLoopOnEveryBlockEdge() {
        int[] ms = {1, 2, 3, 4, 5, 7, 8, 13, 16};
        int[] ns = {1, 2, 3, 4, 5, 301};
        int[] ks = {1, 7, 8, 9, 77, 256};
        Random rnd = new Random(11);
        try (NDManager mgr = NDManager.newBaseManager()) {
            for (int m : ms) {
                for (int n : ns) {
                    for (int k : ks) {
                        float[] x = gaussian(rnd, m * k);
                        float[] w = gaussian(rnd, n * k);
                        float[] b = (m + n + k) % 2 == 0 ? gaussian(rnd, n) : null;
                        NDArray got = DecodeLinear.compute(mgr.create(x, new Shape(m, k)), mgr.create(w, new Shape(n, k)),
                                b == null ? null : mgr.create(b));
                        assertThat(got).as("m=%d n=%d k=%d", m, n, k).isNotNull();
                        assertThat(got.getShape()).isEqualTo(new Shape(m, n));
                        // float32 sums of k products of size ~1: error ~ sqrt(k) 2^-24, far under 1e-4
                        assertThat(worstError(got.toFloatArray(), x, w, b, m, n, k))
                                .as("m=%d n=%d k=%d", m, n, k).isLessThan(1e-4);
                    }
                }
            }
        }
    }

    /** Shapes large enough to split over the threads (an LM head), batched leading axes, a transposed x. */
    @Test
    void splitsWideLayersAndKeepsLeadingAxes() {
        Random rnd = new Random(3);
        int m = 8;
        int n = 20011;
        int k = 192;
        float[] x = gaussian(rnd, m * k);
        float[] w = gaussian(rnd, n * k);
        float[] b = gaussian(rnd, n);
        try (NDManager mgr = NDManager.newBaseManager()) {
            NDArray got = DecodeLinear.compute(mgr.create(x, new Shape(2, 4, k)), mgr.create(w, new Shape(n, k)),
                    mgr.create(b));
            assertThat(got.getShape()).isEqualTo(new Shape(2, 4, n));
            assertThat(worstError(got.toFloatArray(), x, w, b, m, n, k)).isLessThan(1e-4);

            // x stored (k, m) and transposed: not contiguous, copied first
            float[] xT = new float[k * m];
            for (int i = 0; i < m; i++) {
                for (int t = 0; t < k; t++) {
                    xT[t * m + i] = x[i * k + t];
                }
            }
            NDArray xt = mgr.create(xT, new Shape(k, m)).transpose();  // (m, k), a strided view of (k, m)
            NDArray viaView = DecodeLinear.compute(xt, mgr.create(w, new Shape(n, k)), null);
            assertThat(worstError(viaView.toFloatArray(), x, w, null, m, n, k)).isLessThan(1e-4);

            // and the same numbers as libtorch's own linear
            NDArray torch = Linear.linear(mgr.create(x, new Shape(m, k)), mgr.create(w, new Shape(n, k)),
                    mgr.create(b)).singletonOrThrow();
            float[] t = torch.toFloatArray();
            float[] g = got.toFloatArray();
            double worst = 0;
            for (int i = 0; i < t.length; i++) {
                worst = Math.max(worst, Math.abs(t[i] - g[i]));
            }
            assertThat(worst).isLessThan(1e-4);
        }
    }

    /** Two callers at once: one holds the thread pool, the other computes on its own thread; both exact. */
    @Test
    void concurrentCallersEachGetTheirOwnAnswer() throws Exception {
        int m = 8;
        int n = 9001;
        int k = 128;
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try (NDManager mgr = NDManager.newBaseManager()) {
            List<Callable<Double>> calls = new ArrayList<>();
            for (int c = 0; c < 3; c++) {
                Random rnd = new Random(100 + c);
                float[] x = gaussian(rnd, m * k);
                float[] w = gaussian(rnd, n * k);
                NDArray xa = mgr.create(x, new Shape(m, k));
                NDArray wa = mgr.create(w, new Shape(n, k));
                calls.add(() -> {
                    JniUtils.setGradMode(false);
                    double worst = 0;
                    for (int rep = 0; rep < 20; rep++) {
                        try (NDManager sub = mgr.newSubManager()) {
                            NDArray y = DecodeLinear.compute(xa, wa, null);
                            y.attach(sub);
                            if (rep % 5 == 0) {
                                worst = Math.max(worst, worstError(y.toFloatArray(), x, w, null, m, n, k));
                            }
                        }
                    }
                    return worst;
                });
            }
            for (Future<Double> f : pool.invokeAll(calls)) {
                assertThat(f.get()).isLessThan(1e-4);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Autograd on, too many rows, another dtype: null, so the caller runs libtorch. */
    @Test
    void stepsAsideWhereLibtorchMustRun() {
        try (NDManager mgr = NDManager.newBaseManager()) {
            NDArray w = mgr.randomNormal(new Shape(5, 4));
            assertThat(DecodeLinear.compute(mgr.randomNormal(new Shape(17, 4)), w, null)).as("17 rows").isNull();
            assertThat(DecodeLinear.compute(mgr.randomNormal(new Shape(2, 4)).toType(DataType.FLOAT64, false),
                    w.toType(DataType.FLOAT64, false), null)).as("float64").isNull();
            assertThat(DecodeLinear.compute(mgr.randomNormal(new Shape(2, 3)), w, null)).as("k mismatch").isNull();
            JniUtils.setGradMode(true);
            assertThat(DecodeLinear.compute(mgr.randomNormal(new Shape(2, 4)), w, null)).as("autograd on").isNull();
            JniUtils.setGradMode(false);
            assertThat(DecodeLinear.compute(mgr.randomNormal(new Shape(2, 4)), w, null)).as("any size").isNotNull();
            assertThat(DecodeLinear.linear(mgr.randomNormal(new Shape(2, 4)), w, null)).as("small: MKL's").isNull();
        }
    }
}
