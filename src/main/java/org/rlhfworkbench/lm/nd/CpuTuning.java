package org.rlhfworkbench.lm.nd;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What libtorch on Linux x86-64 takes from its surroundings, set before its first allocation and
 * matrix product by a small native library ({@code src/main/native/cpu_tuning.c}, built by Maven
 * with gcc, carried in the jar). Measured on a 2-core AMD EPYC (AVX-512): the 1024^3 GEMM 85 to
 * 155-270 GFLOP/s; GPT-2 124M training 90 tokens/s untuned, 135 with the first and third, 170-200
 * with huge pages too (which cost decoding at 0.5B a third, hence off by default), 277 with the
 * glibc settings the rlhf script passes in GLIBC_TUNABLES (README, speed).
 * <ul>
 *   <li>{@value #MKL}: Intel MKL inside libtorch picks its GEMM kernels by the CPU's features on
 *       AMD CPUs too (it otherwise takes generic ones there).</li>
 *   <li>{@value #HUGE_PAGES}: libtorch's allocator asks for 2 MB pages for its tensors
 *       (THP_MEM_ALLOC_ENABLE=1; a value set in the environment stays).</li>
 *   <li>{@value #KEEP_FREED}: glibc serves every block from its heap (no mmap) and keeps freed
 *       ones (up to 1 GB) for the next tensor instead of handing them back to the kernel and
 *       faulting them in again 4 KB at a time (124M training in process: 283-292 tokens/s).</li>
 * </ul>
 * The same library carries the decode steps' linear kernel ({@link DecodeLinear}) and releases
 * OpenMP teams ({@link OmpPool}); it loads whatever the three settings say.
 * The first and last are on unless their system property is false; huge pages only with
 * {@value #HUGE_PAGES}=true. Every entry point calls {@link #apply()} first thing.
 */
public final class CpuTuning {
    public static final String MKL = "rlhf.cpu.mklByFeatures";
    public static final String HUGE_PAGES = "rlhf.cpu.hugePages";
    public static final String KEEP_FREED = "rlhf.cpu.keepFreedMemory";
    static final String RESOURCE = "/native/linux-x86_64/librlhf_cpu_tuning.so";
    private static final Logger LOG = LoggerFactory.getLogger(CpuTuning.class);
    private static String status;
    private static volatile boolean loaded;

    private CpuTuning() {
    }

    /** Loads and configures the library once; returns what took effect (also {@link #status()}). */
    public static synchronized String apply() {
        if (status == null) {
            status = load();
            LOG.debug("CPU tuning: {}", status);
        }
        return status;
    }

    /** True once the native library is loaded (it also carries {@link DecodeLinear}'s kernel). */
    static boolean loaded() {
        return loaded;
    }

    /** E.g. "mkl-by-features keep-freed", "none (...)"; null before {@link #apply()}. */
    public static synchronized String status() {
        return status;
    }

    private static String load() {
        boolean mkl = on(MKL);
        boolean huge = on(HUGE_PAGES);
        boolean keep = on(KEEP_FREED);
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return "none (Linux x86-64 only; here " + os + " " + arch + ")";
        }
        try (InputStream in = CpuTuning.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "none (" + RESOURCE + " is not in the build: was gcc missing when it was built?)";
            }
            Path file = Files.createTempFile("rlhf_cpu_tuning", ".so");
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            System.load(file.toAbsolutePath().toString());
            loaded = true;
            int applied = configure(mkl, huge, keep);
            StringBuilder s = new StringBuilder();
            s.append((applied & 1) != 0 ? "mkl-by-features" : "");
            s.append((applied & 2) != 0 ? " huge-pages" : "");
            s.append((applied & 4) != 0 ? " keep-freed" : "");
            return s.length() == 0 ? "none (turned off, or nothing took effect)" : s.toString().trim();
        } catch (IOException | UnsatisfiedLinkError e) {
            LOG.warn("libtorch runs without CPU tuning: {}", e.getMessage());
            return "none (" + e.getMessage() + ")";
        }
    }

    private static boolean on(String property) {
        return Boolean.parseBoolean(System.getProperty(property, property.equals(HUGE_PAGES) ? "false" : "true"));
    }

    /** Bit set of what took effect: 1 MKL, 2 huge pages, 4 freed memory kept (native). */
    private static native int configure(boolean mklByFeatures, boolean hugePages, boolean keepFreed);
}
