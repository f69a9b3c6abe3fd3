package org.rlhfworkbench.lm.nd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The CPU tuning library loads on Linux x86-64, and matrix products stay exact with it. */
class CpuTuningTest {

    private static boolean linuxX64() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        return os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64"));
    }

    @Test
    void loadsAndTakesEffectOnLinuxX64() {
        assumeTrue(linuxX64(), "Linux x86-64 only");
        assumeTrue(CpuTuning.class.getResource(CpuTuning.RESOURCE) != null, "built without gcc");
        assertThat(CpuTuning.apply()).isEqualTo("mkl-by-features keep-freed");
        assertThat(CpuTuning.apply()).as("idempotent").isEqualTo("mkl-by-features keep-freed");
    }

    /** Shapes that take MKL's blocked kernels (and their edges), against a naive double loop. */
    @Test
    void matrixProductsMatchANaiveLoopWithTheLibraryLoaded() {
        CpuTuning.apply();
        int[][] shapes = {{1, 192, 2023}, {37, 256, 130}, {257, 129, 511}};
        Random rnd = new Random(5);
        try (NDManager m = NDManager.newBaseManager()) {
            for (int[] s : shapes) {
                int n = s[0];
                int k = s[1];
                int p = s[2];
                float[] a = new float[n * k];
                float[] b = new float[k * p];
                for (int i = 0; i < a.length; i++) {
                    a[i] = (float) rnd.nextGaussian();
                }
                for (int i = 0; i < b.length; i++) {
                    b[i] = (float) rnd.nextGaussian();
                }
                float[] got = m.create(a, new Shape(n, k)).matMul(m.create(b, new Shape(k, p))).toFloatArray();
                double worst = 0;
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < p; j++) {
                        double want = 0;
                        for (int t = 0; t < k; t++) {
                            want += (double) a[i * k + t] * b[t * p + j];
                        }
                        worst = Math.max(worst, Math.abs(got[i * p + j] - want));
                    }
                }
                // float32 sums of k products of size ~1: errors ~ sqrt(k) 2^-24 each, far under 1e-4
                assertThat(worst).as("max |error| for %dx%dx%d", n, k, p).isLessThan(1e-4);
            }
        }
    }
}
