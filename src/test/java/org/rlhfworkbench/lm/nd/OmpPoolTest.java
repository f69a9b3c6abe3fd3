package org.rlhfworkbench.lm.nd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A thread's OpenMP team (libtorch's intra-op workers) ends when the thread releases it. */
class OmpPoolTest {
    private static final String NAME = "omp-pool-probe";

    /** Threads of this process named {@code name} (Linux: workers inherit their creator's name). */
    private static long named(String name) throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.filter(t -> {
                try {
                    return Files.readString(t.resolve("comm")).strip().equals(name);
                } catch (IOException e) {
                    return false;  // the thread ended meanwhile
                }
            }).count();
        }
    }

    @Test
    void releasingEndsTheCallingThreadsTeam() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux /proc only");
        assumeTrue(Runtime.getRuntime().availableProcessors() > 1, "a team needs two cores");
        CpuTuning.apply();
        assumeTrue(CpuTuning.loaded(), "the native library is built on Linux x86-64 with gcc");
        AtomicLong withTeam = new AtomicLong();
        AtomicLong afterRelease = new AtomicLong();
        AtomicLong again = new AtomicLong();
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.randomNormal(new Shape(512, 512));
            Thread t = new Thread(() -> {
                try {
                    a.matMul(a).close();          // a parallel op: libgomp starts this thread's team
                    withTeam.set(named(NAME));
                    OmpPool.release();
                    Thread.sleep(200);            // the workers leave
                    afterRelease.set(named(NAME));
                    a.matMul(a).close();          // and a new team serves the next parallel op
                    again.set(named(NAME));
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }, NAME);
            t.start();
            t.join();
        }
        assumeTrue(withTeam.get() > 1, "libtorch ran that product on one thread here");
        assertThat(afterRelease.get()).as("only the thread itself").isEqualTo(1);
        assertThat(again.get()).as("a new team").isGreaterThan(1);
    }
}
