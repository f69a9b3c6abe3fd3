/*
 * librlhf_cpu_tuning.so: three settings that PyTorch's Linux x86-64 libtorch takes from its
 * surroundings and that the workbench cannot give it from Java. Loaded and configured by
 * org.rlhfworkbench.lm.nd.CpuTuning before libtorch's first allocation and matrix product.
 *
 * 1. MKL's kernel choice. libtorch carries Intel MKL for float32 GEMM. MKL asks
 *    mkl_serv_intel_cpu_true() before dispatching; on AMD it answers 0 and MKL takes generic
 *    kernels whatever the CPU supports (measured on an AVX-512 AMD EPYC: half the GEMM speed).
 *    libtorch_cpu.so exports that function and calls it through its PLT, so the first definition in
 *    the global symbol scope wins: JNI_OnLoad promotes this library (loaded RTLD_LOCAL by the JVM)
 *    to RTLD_GLOBAL, and the definition below answers by the configured flag. MKL still reads the
 *    CPU's feature flags (CPUID) to pick among its kernels.
 * 2. Huge pages for tensors (off unless asked for). libtorch's allocator (c10) asks for 2 MB pages
 *    (madvise MADV_HUGEPAGE) when THP_MEM_ALLOC_ENABLE=1, read once at its first allocation.
 *    Training at 124M: 2x; decoding at 0.5B (vocab 151,936): 0.7x, as every vocabulary-sized
 *    temporary of a decode step is advised and faulted again.
 * 3. Freed memory kept for the next tensor. glibc returns large blocks to the kernel at once, and
 *    a training step then faults its activations and gradients in again 4 KB at a time (124M
 *    parameters: 3.7 million page faults in two steps, more system time than compute).
 *    mallopt: every block comes from the heap (no mmap; the 32 MB mmap threshold stands should
 *    anything raise the mmap limit again) and freed blocks stay there (trim threshold 1 GB). GPT-2
 *    124M training in process: 228-235 -> 283-292 tokens/s with "no mmap" (A/B, 2 runs each).
 *    What mallopt cannot change once the JVM's threads have their arenas (one arena) the rlhf
 *    script sets through GLIBC_TUNABLES before the JVM starts (325-366 tokens/s).
 */
#define _GNU_SOURCE
#include <cpuid.h>
#include <dlfcn.h>
#include <malloc.h>
#include <stdlib.h>

static int promoted;
static int by_features = 1;

static int vendor_is_intel(void) {
    unsigned int a, b, c, d;
    if (!__get_cpuid(0, &a, &b, &c, &d)) {
        return 0;
    }
    return b == 0x756e6547 && d == 0x49656e69 && c == 0x6c65746e; /* "Genu" "ineI" "ntel" */
}

/* MKL's vendor check: "dispatch as on an Intel CPU", unless turned off (then the true answer) */
int mkl_serv_intel_cpu_true(void) {
    return by_features ? 1 : vendor_is_intel();
}

int JNI_OnLoad(void *vm, void *reserved) {
    Dl_info info;
    (void) vm;
    (void) reserved;
    if (dladdr((void *) &mkl_serv_intel_cpu_true, &info) && info.dli_fname != 0) {
        /* RTLD_NOLOAD: no second copy, only the scope of the one already loaded changes */
        promoted = dlopen(info.dli_fname, RTLD_NOW | RTLD_NOLOAD | RTLD_GLOBAL) != 0;
    }
    return 0x00010008; /* JNI_VERSION_1_8 */
}

/* static native int configure(boolean mklByFeatures, boolean hugePages, boolean keepFreed):
 * returns a bit set of what took effect, 1 = MKL, 2 = huge pages, 4 = freed memory kept */
int Java_org_rlhfworkbench_lm_nd_CpuTuning_configure(void *env, void *cls, unsigned char mkl, unsigned char huge,
                                                      unsigned char keep) {
    int applied = 0;
    (void) env;
    (void) cls;
    by_features = mkl;
    if (mkl && promoted && dlsym(RTLD_DEFAULT, "mkl_serv_intel_cpu_true") == (void *) &mkl_serv_intel_cpu_true) {
        applied |= 1;
    }
    if (huge && setenv("THP_MEM_ALLOC_ENABLE", "1", 0) == 0) { /* 0: a value the user set stays */
        applied |= 2;
    }
    if (keep && mallopt(M_MMAP_THRESHOLD, 32 << 20) == 1 && mallopt(M_TRIM_THRESHOLD, 1 << 30) == 1
        && mallopt(M_MMAP_MAX, 0) == 1) {
        applied |= 4;
    }
    return applied;
}
