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
 * Intel MKL, linked into PyTorch's Linux x86-64 libtorch for float32 GEMM, picks its kernels by
 * CPU vendor: on AMD it takes generic ones whatever the CPU supports. Measured on a 2-core AMD EPYC
 * with AVX-512 (1024^3 GEMM, 2 threads): 51-87 GFLOP/s, against 97-170 once MKL dispatches by the
 * CPU's feature flags as it does on Intel, and OpenBLAS's 170. {@link #apply()} loads
 * {@code librlhf_mkl_cpu.so} (src/main/native/mkl_cpu.c, built by Maven on Linux x86-64), whose
 * definition of MKL's vendor check answers "Intel" and takes the place of libtorch's own (an
 * exported function called through the PLT; the library promotes itself to the global scope).
 * It must run before the first matrix product, so every entry point calls it first thing.
 * Nowhere else than Linux x86-64, and never with {@value #PROPERTY}=false.
 */
public final class MklCpu {
    public static final String PROPERTY = "rlhf.mkl.intelPath";
    static final String RESOURCE = "/native/linux-x86_64/librlhf_mkl_cpu.so";
    private static final Logger LOG = LoggerFactory.getLogger(MklCpu.class);
    private static String status;

    private MklCpu() {
    }

    /** Loads the library once; returns what happened, in a few words (also {@link #status()}). */
    public static synchronized String apply() {
        if (status == null) {
            status = load();
            LOG.debug("MKL kernel choice by CPU features: {}", status);
        }
        return status;
    }

    /** "on", "off (...)" or "not loaded (...)"; null before {@link #apply()}. */
    public static synchronized String status() {
        return status;
    }

    private static String load() {
        if (!Boolean.parseBoolean(System.getProperty(PROPERTY, "true"))) {
            return "off (" + PROPERTY + "=false)";
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return "off (MKL's vendor check is patched on Linux x86-64 only; here " + os + " " + arch + ")";
        }
        try (InputStream in = MklCpu.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "not loaded (" + RESOURCE + " is not in the build: was gcc missing when it was built?)";
            }
            Path file = Files.createTempFile("rlhf_mkl_cpu", ".so");
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            System.load(file.toAbsolutePath().toString());
            return active() ? "on" : "not loaded (the library could not make its definition global)";
        } catch (IOException | UnsatisfiedLinkError e) {
            LOG.warn("MKL keeps its vendor-based kernel choice: {}", e.getMessage());
            return "not loaded (" + e.getMessage() + ")";
        }
    }

    /** Whether a global lookup of MKL's vendor check finds the library's definition (native). */
    private static native boolean active();
}
