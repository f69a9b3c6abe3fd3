package org.rlhfworkbench.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.RunStatus;
import org.rlhfworkbench.jobs.SampleProjects;
import org.rlhfworkbench.store.Project;
import org.rlhfworkbench.train.run.RunContext;
import org.rlhfworkbench.train.run.StepLoop;

/** One training run at a time: a second start is refused before anything is written. */
class TrainingSlotTest {
    @TempDir
    Path home;

    @BeforeEach
    void noRunLeftOver() throws Exception {
        assertThat(TrainingSlot.awaitIdle(Duration.ofSeconds(60))).isTrue();
    }

    /** Trains until released. */
    static class Blocking implements TrainJob {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        public String kind() {
            return "ppo";
        }

        public Object config() {
            return java.util.Map.of();
        }

        public long seed() {
            return 1;
        }

        public void prepare(Project project) {
        }

        public StepLoop.Outcome train(RunContext ctx, boolean resume) throws InterruptedException {
            started.countDown();
            release.await(30, TimeUnit.SECONDS);
            return StepLoop.Outcome.CANCELLED;
        }

        public String finish(Project project, long runId) {
            return "done";
        }

        public void close() {
        }
    }

    @Test
    void aSecondStartIsRefusedNamingTheRunningOneAndLeavesNoRun() throws Exception {
        try (Project p = Project.open(SampleProjects.ensureSample(home))) {
            Blocking first = new Blocking();
            JobHandle h = Jobs.start(p, first, RunListener.NONE);
            first.started.await(30, TimeUnit.SECONDS);
            long runsBefore = p.runs().count();
            assertThat(TrainingSlot.active()).get().extracting(TrainingSlot.ActiveRun::runId).isEqualTo(h.runId());

            assertThatThrownBy(() -> Jobs.start(p, new SftJob(new SftJob.Config(null, JobsTest.SMALL)), RunListener.NONE))
                    .isInstanceOf(TrainingSlot.BusyException.class)
                    .hasMessageContaining("Cannot start a sft run: run " + h.runId() + " (ppo)")
                    .hasMessageContaining("one run trains at a time");
            assertThatThrownBy(() -> Jobs.resume(p, h.runId(), new Blocking(), RunListener.NONE))
                    .isInstanceOf(TrainingSlot.BusyException.class);
            assertThat(p.runs().count()).isEqualTo(runsBefore);
            assertThat(p.runs().all()).noneMatch(r -> r.status() == RunStatus.FAILED);

            first.release.countDown();
            assertThat(h.await().status()).isEqualTo(RunStatus.CANCELLED);
            assertThat(TrainingSlot.active()).isEmpty();
            Blocking second = new Blocking();
            second.release.countDown();
            assertThat(Jobs.start(p, second, RunListener.NONE).await().status()).isEqualTo(RunStatus.CANCELLED);
        }
    }

    @Test
    void theSlotIsFreeWhenTheLastStatusArrives() throws Exception {
        try (Project p = Project.open(SampleProjects.ensureSample(home))) {
            Blocking job = new Blocking();
            job.release.countDown();
            boolean[] freeAtEnd = new boolean[1];
            CountDownLatch ended = new CountDownLatch(1);
            Jobs.start(p, job, new RunListener() {
                @Override
                public void onStatus(RunStatus status, String error) {
                    if (status == RunStatus.CANCELLED) {
                        freeAtEnd[0] = TrainingSlot.active().isEmpty();
                        ended.countDown();
                    }
                }
            });
            assertThat(ended.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(freeAtEnd[0]).isTrue();
        }
    }

    @Test
    void checkpointStepIsEmptyUntilARunSavedOne() throws Exception {
        try (Project p = Project.open(SampleProjects.ensureSample(home))) {
            Blocking none = new Blocking();
            none.release.countDown();
            JobHandle h = Jobs.start(p, none, RunListener.NONE);
            h.await();
            assertThat(Jobs.checkpointStep(p, h.runId())).isEmpty();

            JobHandle[] ref = new JobHandle[1];
            JobHandle sft = Jobs.start(p, new SftJob(new SftJob.Config(null, JobsTest.SMALL)), new RunListener() {
                @Override
                public void onProgress(long step, long total, double tps, double eta) {
                    if (step == 6) {
                        ref[0].cancel();
                    }
                }
            });
            ref[0] = sft;
            assertThat(sft.await().status()).isEqualTo(RunStatus.CANCELLED);
            assertThat(Jobs.checkpointStep(p, sft.runId())).isPresent();
            assertThat(Jobs.checkpointStep(p, sft.runId()).getAsLong()).isBetween(4L, 7L);
        }
    }
}
