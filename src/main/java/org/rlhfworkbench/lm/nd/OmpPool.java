package org.rlhfworkbench.lm.nd;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libtorch's intra-op threads are GNU OpenMP teams, one per thread that ran a parallel op, kept
 * until that thread exits. With more such threads than CPUs, libgomp stops spinning at its
 * barriers and sleeps on a futex at each one: PPO's update on the sample ran 2.1x slower in the
 * pipeline (whose main thread had sampled first) than alone. A long-lived thread that is done
 * with heavy work for a while (a stage of the pipeline, a generation or arena worker between
 * tasks) calls {@link #release()}; its next parallel op starts a new team (a thread start, well
 * under a millisecond). Native part: {@code src/main/native/omp_pool.c}.
 */
public final class OmpPool {
    private static final Logger LOG = LoggerFactory.getLogger(OmpPool.class);
    private static volatile boolean warned;

    private OmpPool() {
    }

    /** Ends the calling thread's OpenMP team, if it has one; a no-op where the library is absent. */
    public static void release() {
        CpuTuning.apply();
        if (!CpuTuning.loaded()) {
            return;
        }
        int r = releaseTeam();
        if (r != 0 && !warned) {
            warned = true;
            LOG.debug("OpenMP team not released ({})", r == -2 ? "no libgomp loaded" : "libgomp refused");
        }
    }

    /** 0 done, -1 libgomp refused (inside a parallel region), -2 no libgomp in the process. */
    private static native int releaseTeam();
}
