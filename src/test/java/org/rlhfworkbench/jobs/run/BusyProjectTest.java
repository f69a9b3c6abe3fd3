package org.rlhfworkbench.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.jobs.SampleProjects;
import org.rlhfworkbench.store.Project;
import org.rlhfworkbench.store.ProjectException;

/** A project busy with a run names the pid and the run to whoever else tries to open it (the CLI's line). */
class BusyProjectTest {
    @TempDir
    Path home;

    @BeforeEach
    void idle() throws Exception {
        assertThat(TrainingSlot.awaitIdle(Duration.ofSeconds(60))).isTrue();
    }

    @Test
    void theLockFileNamesTheTrainingRunUntilItEnds() throws Exception {
        Path dir = SampleProjects.ensureSample(home);
        long pid = ProcessHandle.current().pid();
        try (Project p = Project.open(dir)) {
            assertThat(Files.readString(dir.resolve("project.lock")).strip()).isEqualTo("pid " + pid);
            TrainingSlotTest.Blocking job = new TrainingSlotTest.Blocking();
            JobHandle h = Jobs.start(p, job, RunListener.NONE);
            job.started.await(30, TimeUnit.SECONDS);

            assertThat(Files.readString(dir.resolve("project.lock")).strip())
                    .isEqualTo("pid " + pid + ", training run " + h.runId() + " (ppo)");
            assertThatThrownBy(() -> Project.open(dir)).isInstanceOf(ProjectException.class)
                    .hasMessageContaining("is open in another process (pid " + pid + ", training run " + h.runId()
                            + " (ppo))")
                    .hasMessageContaining("One run trains at a time: wait until that run ends");

            job.release.countDown();
            h.await();
            assertThat(TrainingSlot.awaitIdle(Duration.ofSeconds(30))).isTrue();
            assertThat(Files.readString(dir.resolve("project.lock")).strip()).isEqualTo("pid " + pid);
        }
    }
}
