/*
 * librlhf_mkl_cpu.so: lets the Intel MKL inside PyTorch's Linux x86-64 libtorch choose its kernels
 * by what the CPU can do (CPUID feature flags) rather than by who made it.
 *
 * MKL asks mkl_serv_intel_cpu_true() before dispatching; on AMD it answers 0 and MKL falls back to
 * generic kernels (measured on an AVX-512 AMD EPYC: half the float32 GEMM speed). libtorch_cpu.so
 * exports the function and calls it through its PLT, so the first definition in the global
 * symbol scope wins. The JVM loads this library with RTLD_LOCAL; JNI_OnLoad promotes it to
 * RTLD_GLOBAL, which must happen before MKL first dispatches (MklCpu.apply(), called at start-up).
 * Built by Maven (the native-linux profile); loaded by org.rlhfworkbench.lm.nd.MklCpu.
 */
#define _GNU_SOURCE
#include <dlfcn.h>

/* MKL's vendor check: "yes, dispatch as on an Intel CPU" (features are still read from CPUID). */
int mkl_serv_intel_cpu_true(void) {
    return 1;
}

static int promoted;

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

/* true when a global lookup of the symbol finds this library's definition */
unsigned char Java_org_rlhfworkbench_lm_nd_MklCpu_active(void *env, void *cls) {
    (void) env;
    (void) cls;
    return promoted && dlsym(RTLD_DEFAULT, "mkl_serv_intel_cpu_true") == (void *) &mkl_serv_intel_cpu_true;
}
