package org.rlhfworkbench.lm.nd;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;

/**
 * y = x W^T + b for the few rows of a decode step (at most {@value #MAX_ROWS}), float32 on the CPU,
 * in the workbench's native kernel ({@code src/main/native/decode_linear.c}, in the CPU tuning
 * library) on all cores. libtorch's GEMM is built for many rows: measured here (2-core AMD EPYC),
 * 8 rows times GPT-2's 50,257 x 768 head took 19.5 ms in PyTorch eager and takes 5.2 ms here; the
 * layers' shapes run at 140-160 GFLOP/s on two cores against 30-45.
 *
 * <p>It applies only where autograd is off (sampling, scoring without gradients) and returns null
 * otherwise, or where the library is absent (not Linux x86-64, no AVX2), or with
 * {@value #ENABLED}=false: the caller then uses libtorch. {@value #THREADS} sets its threads
 * (default: the processors the JVM sees). The decode step's other, tiny ops stay on one thread
 * ({@link DecodeThreads}).
 */
public final class DecodeLinear {
    public static final String ENABLED = "rlhf.cpu.decodeLinear";
    public static final String THREADS = "rlhf.cpu.decodeLinearThreads";
    /** Beyond 16 rows libtorch's GEMM is as fast (prefill, training). */
    static final int MAX_ROWS = 16;
    /**
     * Under 512K weights (2 MB, in cache between steps) MKL's small-matrix kernels are as fast and
     * need no hand-off between cores: measured 8 x 256 x 256, 11.5 us in libtorch against 13-18
     * here; sampling 8 answers from the sample's model (4 x 192 wide, MLP 147K weights) ran at
     * 2,800-6,000 tokens/s with its MLP in the kernel against 5,400-7,700 in libtorch.
     */
    static final long MIN_WEIGHTS = 1 << 19;
    private static final int THREAD_COUNT = Math.max(1,
            Integer.getInteger(THREADS, Runtime.getRuntime().availableProcessors()));
    private static volatile Boolean usable;
    private static volatile long minWeights = MIN_WEIGHTS;
    private static final AtomicLong CALLS = new AtomicLong();

    private DecodeLinear() {
    }

    /** Whether the kernel runs here: the library loaded, the CPU has AVX2 and FMA, not turned off. */
    public static boolean usable() {
        Boolean u = usable;
        if (u == null) {
            CpuTuning.apply();
            u = Boolean.parseBoolean(System.getProperty(ENABLED, "true")) && CpuTuning.loaded() && supported();
            usable = u;
        }
        return u;
    }

    /**
     * x (..., k) W^T + b with W (n, k) and b (n) or null, as (..., n) in x's manager; null when the
     * kernel does not apply here and the caller should run libtorch's linear.
     */
    public static NDArray linear(NDArray x, NDArray w, NDArray b) {
        return w.size() < minWeights ? null : compute(x, w, b);
    }

    /**
     * Until closed, weights of every size go to the kernel: tests check small models' logits through
     * it against Hugging Face's.
     */
    public static AutoCloseable everySize() {
        long before = minWeights;
        minWeights = 0;
        return () -> minWeights = before;
    }

    /** {@link #linear} for a weight of any size (tests reach every block edge with small ones). */
    static NDArray compute(NDArray x, NDArray w, NDArray b) {
        if (!(x instanceof PtNDArray px) || !(w instanceof PtNDArray pw) || (b != null && !(b instanceof PtNDArray))
                || !usable()) {
            return null;
        }
        Shape xs = x.getShape();
        Shape ws = w.getShape();
        if (xs.dimension() == 0 || ws.dimension() != 2) {
            return null;
        }
        long k = xs.get(xs.dimension() - 1);
        long n = ws.get(0);
        long rows = k == 0 ? 0 : xs.size() / k;
        if (rows < 1 || rows > MAX_ROWS || ws.get(1) != k || n < 1 || (b != null && b.size() != n)
                || x.getDataType() != DataType.FLOAT32 || w.getDataType() != DataType.FLOAT32
                || (b != null && b.getDataType() != DataType.FLOAT32)
                || !Device.cpu().equals(x.getDevice()) || !Device.cpu().equals(w.getDevice())
                || (b != null && !Device.cpu().equals(b.getDevice()))
                || JniUtils.isGradMode()) {
            return null;
        }
        // contiguous views of the tensors' memory (a non-contiguous x is copied first, into its manager)
        ByteBuffer xb = JniUtils.getByteBuffer(px, true);
        ByteBuffer wb = JniUtils.getByteBuffer(pw, true);
        ByteBuffer bb = b == null ? null : JniUtils.getByteBuffer((PtNDArray) b, true);
        long[] outShape = xs.getShape().clone();  // getShape() is the Shape's own array
        outShape[outShape.length - 1] = n;
        PtNDArray y = JniUtils.createEmptyNdArray((PtNDManager) px.getManager(), new Shape(outShape),
                DataType.FLOAT32, Device.cpu(), SparseFormat.DENSE);
        ByteBuffer yb = JniUtils.getByteBuffer(y, true);
        if (!xb.isDirect() || !wb.isDirect() || (bb != null && !bb.isDirect()) || !yb.isDirect()
                || linear(xb, wb, bb, yb, (int) rows, (int) n, (int) k, THREAD_COUNT) != 0) {
            y.close();
            return null;
        }
        CALLS.incrementAndGet();
        return y;
    }

    /** Linears computed by the kernel so far in this process (benchmarks and tests show it ran). */
    public static long calls() {
        return CALLS.get();
    }

    private static native boolean supported();

    /** 0, or 1 when a buffer is not direct or smaller than the shape (nothing written). */
    private static native int linear(ByteBuffer x, ByteBuffer w, ByteBuffer b, ByteBuffer y, int m, int n, int k,
                                     int threads);
}
