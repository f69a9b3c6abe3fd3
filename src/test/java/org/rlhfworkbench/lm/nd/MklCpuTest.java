package org.rlhfworkbench.lm.nd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The MKL vendor-check library loads on Linux x86-64, and matrix products stay exact. */
class MklCpuTest {

    private static boolean linuxX64() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        return os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64"));
    }

    @Test
    void loadsAndTakesThePlaceOfMklsVendorCheckOnLinuxX64() {
        assumeTrue(linuxX64(), "Linux x86-64 only");
        assumeTrue(MklCpu.class.getResource(MklCpu.RESOURCE) != null, "built without gcc");
        assertThat(MklCpu.apply()).isEqualTo("on");
        assertThat(MklCpu.apply()).as("idempotent").isEqualTo("on");
    }

    /** Shapes that take MKL's blocked kernels (and their edges), against a naive double loop. */
    @Test
    void matrixProductsMatchANaiveLoopWithTheLibraryLoaded() {
        MklCpu.apply();
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
                NDArray c = m.create(a, new Shape(n, k)).matMul(m.create(b, new Shape(k, p)));
                float[] got = c.toFloatArray();
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
                // float32 accumulation over k terms of size ~1: error ~ sqrt(k) * 2^-24 * |terms|
                assertThat(worst).as("max |error| for %dx%dx%d", n, k, p).isLessThan(1e-4);
            }
        }
    }
}
