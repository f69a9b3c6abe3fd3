package org.rlhfworkbench.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.RunStatus;
import org.rlhfworkbench.jobs.SampleProjects;
import org.rlhfworkbench.store.Project;
import org.rlhfworkbench.train.run.RunContext;
import org.rlhfworkbench.train.run.StepLoop;

/** Runs queued behind the training slot start by themselves, first in first out, unless taken out. */
class RunQueueTest {
    @TempDir
    Path home;
    private final List<String> order = new CopyOnWriteArrayList<>();

    @BeforeEach
    @AfterEach
    void idle() throws Exception {
        RunQueue.process().cancelAll();
        assertThat(TrainingSlot.awaitIdle(Duration.ofSeconds(60))).isTrue();
    }

    /** Notes its name when it trains; trains until released (or fails in prepare). */
    final class Named extends TrainingSlotTest.Blocking {
        final String name;
        final boolean failInPrepare;
        final CountDownLatch closed = new CountDownLatch(1);

        Named(String name, boolean failInPrepare) {
            this.name = name;
            this.failInPrepare = failInPrepare;
        }

        @Override
        public void prepare(Project project) {
            if (failInPrepare) {
                throw new IllegalStateException(name + " cannot load its model");
            }
        }

        @Override
        public StepLoop.Outcome train(RunContext ctx, boolean resume) throws InterruptedException {
            order.add(name);
            return super.train(ctx, resume);
        }

        @Override
        public void close() {
            closed.countDown();
        }
    }

    private static RunQueue.Ticket submit(Project p, TrainJob job, JobHandle[] started) throws Exception {
        return RunQueue.process().submit(p, job, RunListener.NONE, h -> started[0] = h);
    }

    /**
     * The handle a queued run was started with: the queue hands it over just after the job's
     * thread starts, so a job that has begun may not have delivered it yet.
     */
    private static JobHandle handle(JobHandle[] started) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (started[0] == null && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(started[0]).as("the queued run's handle").isNotNull();
        return started[0];
    }

    @Test
    void queuedRunsStartOneAfterAnotherInTheOrderTheyWereQueued() throws Exception {
        try (Project p = Project.open(SampleProjects.ensureSample(home))) {
            Named first = new Named("first", false);
            RunQueue.Ticket t1 = submit(p, first, new JobHandle[1]);
            assertThat(t1.queued()).isFalse();
            first.started.await(30, TimeUnit.SECONDS);
            JobHandle[] h2 = new JobHandle[1];
            JobHandle[] h3 = new JobHandle[1];
            Named second = new Named("second", false);
            Named third = new Named("third", false);
            RunQueue.Ticket t2 = submit(p, second, h2);
            RunQueue.Ticket t3 = submit(p, third, h3);

            assertThat(t2.queued()).isTrue();
            assertThat(t2.ahead().runId()).isEqualTo(t1.runId());
            assertThat(RunQueue.process().pending()).extracting(RunQueue.Queued::runId)
                    .containsExactly(t2.runId(), t3.runId());
            assertThat(p.runs().get(t2.runId()).status()).isEqualTo(RunStatus.QUEUED);

            first.release.countDown();
            second.started.await(30, TimeUnit.SECONDS);
            assertThat(order).containsExactly("first", "second");
            assertThat(RunQueue.process().pending()).extracting(RunQueue.Queued::runId).containsExactly(t3.runId());
            second.release.countDown();
            third.release.countDown();
            third.started.await(30, TimeUnit.SECONDS);
            assertThat(handle(h3).await().status()).isEqualTo(RunStatus.CANCELLED);
            assertThat(order).containsExactly("first", "second", "third");
            assertThat(handle(h2).runId()).isEqualTo(t2.runId());
        }
    }

    @Test
    void aRunTakenOutOfTheQueueNeverStartsAndReadsCancelled() throws Exception {
        try (Project p = Project.open(SampleProjects.ensureSample(home))) {
            Named first = new Named("first", false);
            submit(p, first, new JobHandle[1]);
            first.started.await(30, TimeUnit.SECONDS);
            Named dropped = new Named("dropped", false);
            Named kept = new Named("kept", false);
            kept.release.countDown();
            RunQueue.Ticket td = submit(p, dropped, new JobHandle[1]);
            JobHandle[] hk = new JobHandle[1];
            RunQueue.process().submit(p, kept, RunListener.NONE, h -> hk[0] = h);

            assertThat(RunQueue.process().cancel(td.runId())).isTrue();
            assertThat(RunQueue.process().cancel(td.runId())).isFalse();
            assertThat(dropped.closed.getCount()).isZero();
            assertThat(p.runs().get(td.runId()).status()).isEqualTo(RunStatus.CANCELLED);
            assertThat(p.runs().get(td.runId()).error()).isEqualTo(RunQueue.REMOVED);

            first.release.countDown();
            kept.started.await(30, TimeUnit.SECONDS);
            assertThat(handle(hk).await().status()).isEqualTo(RunStatus.CANCELLED);
            assertThat(order).containsExactly("first", "kept");
        }
    }

    @Test
    void aFailingFirstRunFreesTheSlotForTheQueuedOne() throws Exception {
        try (Project p = Project.open(SampleProjects.ensureSample(home))) {
            Named blocker = new Named("blocker", false);
            submit(p, blocker, new JobHandle[1]);
            blocker.started.await(30, TimeUnit.SECONDS);
            Named failing = new Named("failing", true);
            Named next = new Named("next", false);
            next.release.countDown();
            RunQueue.Ticket tf = submit(p, failing, new JobHandle[1]);
            JobHandle[] hn = new JobHandle[1];
            RunQueue.Ticket tn = submit(p, next, hn);

            blocker.release.countDown();
            next.started.await(30, TimeUnit.SECONDS);
            assertThat(handle(hn).await().status()).isEqualTo(RunStatus.CANCELLED);
            assertThat(p.runs().get(tf.runId()).status()).isEqualTo(RunStatus.FAILED);
            assertThat(p.runs().get(tf.runId()).error()).contains("failing cannot load its model");
            assertThat(p.runs().get(tn.runId()).status()).isEqualTo(RunStatus.CANCELLED);
            assertThat(order).containsExactly("blocker", "next");
            assertThat(TrainingSlot.active()).isEmpty();
        }
    }

    @Test
    void aSubmitWhileIdleStartsAtOnce() throws Exception {
        try (Project p = Project.open(SampleProjects.ensureSample(home))) {
            Named only = new Named("only", false);
            only.release.countDown();
            RunQueue.Ticket t = submit(p, only, new JobHandle[1]);
            assertThat(t.queued()).isFalse();
            assertThat(t.handle().await().status()).isEqualTo(RunStatus.CANCELLED);
            assertThat(RunQueue.process().pending()).isEmpty();
        }
    }

    @Test
    void runsLeftQueuedByAnEndedProcessAreMarkedCancelledWhenTheProjectOpens() throws Exception {
        Path dir = SampleProjects.ensureSample(home);
        long stale;
        try (Project p = Project.open(dir)) {
            stale = Jobs.record(p, new Named("left behind", false));  // as a process that quit with it queued
        }
        try (Project p = Project.open(dir)) {
            assertThat(p.runs().get(stale).status()).isEqualTo(RunStatus.QUEUED);
            assertThat(RunQueue.process().forgetStale(p)).isEqualTo(1);
            assertThat(p.runs().get(stale).status()).isEqualTo(RunStatus.CANCELLED);
            assertThat(p.runs().get(stale).error()).isEqualTo(RunQueue.STALE);
            assertThat(RunQueue.process().forgetStale(p)).isZero();
        }
    }

    @Test
    void runsLeftRunningByAKilledProcessAreMarkedInterruptedWithTheStepResumeContinuesFrom() throws Exception {
        Path dir = SampleProjects.ensureSample(home);
        long withCheckpoint;
        long without;
        try (Project p = Project.open(dir)) {  // a process killed while these two trained
            withCheckpoint = Jobs.record(p, new Named("killed at step 40", false));
            without = Jobs.record(p, new Named("killed before its first checkpoint", false));
            p.runs().setStatus(withCheckpoint, RunStatus.RUNNING, null);
            p.runs().setStatus(without, RunStatus.PAUSED, null);
            Path state = Jobs.runDir(p, withCheckpoint).resolve("checkpoint").resolve("state.json");
            java.nio.file.Files.createDirectories(state.getParent());
            java.nio.file.Files.writeString(state, "{\"step\": 32}");
        }
        try (Project p = Project.open(dir)) {
            assertThat(RunQueue.process().forgetStale(p)).isEqualTo(2);
            assertThat(p.runs().get(withCheckpoint).status()).isEqualTo(RunStatus.CANCELLED);
            assertThat(p.runs().get(withCheckpoint).error())
                    .isEqualTo("interrupted: the workbench stopped while it trained; Resume continues from its"
                            + " checkpoint at step 32");
            assertThat(p.runs().get(without).error()).isEqualTo("interrupted: the workbench stopped while it trained;"
                    + " it saved no checkpoint, so Resume starts again from step 0");
            assertThat(RunQueue.process().forgetStale(p)).isZero();
        }
    }
}
