/*
 * Releasing a thread's OpenMP team. libtorch runs its intra-op parallel loops on GNU OpenMP
 * (libgomp, bundled as libgomp-<hash>.so.1), which gives every thread that starts a parallel
 * region a team of workers of its own, kept until that thread exits. Once libgomp manages more
 * threads than there are CPUs, every barrier spins 100 times instead of 300,000 and then sleeps
 * on a futex: measured here (2 cores), PPO's update on the sample ran 2.1x slower in a process
 * whose main thread had sampled before (the pipeline) than alone. A thread that is done with
 * heavy work for a while calls omp_pause_resource_all(omp_pause_soft) (OpenMP 5.0), which ends
 * its own team and gives the count back; its next parallel region starts a new one.
 * Called by org.rlhfworkbench.lm.nd.OmpPool.
 */
#define _GNU_SOURCE
#include <jni.h>
#include <dlfcn.h>
#include <link.h>
#include <string.h>

typedef int (*pause_fn)(int);

static int find_gomp(struct dl_phdr_info *info, size_t size, void *data) {
    (void) size;
    if (info->dlpi_name != 0 && strstr(info->dlpi_name, "libgomp") != 0) {
        void *h = dlopen(info->dlpi_name, RTLD_NOW | RTLD_NOLOAD);
        if (h != 0) {
            void *f = dlsym(h, "omp_pause_resource_all");
            dlclose(h); /* RTLD_NOLOAD took a reference; the library stays loaded by libtorch */
            if (f != 0) {
                *(void **) data = f;
                return 1;
            }
        }
    }
    return 0;
}

static pause_fn pause_all; /* found once libtorch (and its libgomp) is loaded; looked up until then */

/* static native int releaseTeam(): 0 done, -1 libgomp refused (inside a parallel region), -2 no libgomp loaded */
JNIEXPORT jint JNICALL Java_org_rlhfworkbench_lm_nd_OmpPool_releaseTeam(JNIEnv *env, jclass cls) {
    (void) env;
    (void) cls;
    if (pause_all == 0) {
        void *f = 0;
        dl_iterate_phdr(find_gomp, &f);
        pause_all = (pause_fn) f;
    }
    if (pause_all == 0) return -2;
    return pause_all(1 /* omp_pause_soft */) == 0 ? 0 : -1;
}
