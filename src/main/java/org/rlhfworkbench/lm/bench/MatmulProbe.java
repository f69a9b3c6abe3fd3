package org.rlhfworkbench.lm.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** The machine's float32 matmul throughput (1024 x 1024 x 1024), the ceiling for training speed. */
final class MatmulProbe {
    private MatmulProbe() {
    }

    static double gflops(NDManager parent) {
        int n = 1024;
        try (NDManager m = parent.newSubManager()) {
            NDArray a = m.randomNormal(new Shape(n, n));
            NDArray b = m.randomNormal(new Shape(n, n));
            a.matMul(b).close();
            int reps = 10;
            long start = System.nanoTime();
            for (int i = 0; i < reps; i++) {
                a.matMul(b).close();
            }
            double secs = (System.nanoTime() - start) / 1e9;
            return 2.0 * n * n * n * reps / secs / 1e9;
        }
    }
}
