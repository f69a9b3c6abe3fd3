package org.rlhfworkbench.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.MetricPoint;
import org.rlhfworkbench.core.ModelEntry;
import org.rlhfworkbench.core.ModelKind;
import org.rlhfworkbench.core.RunStatus;
import org.rlhfworkbench.jobs.SampleProjects;
import org.rlhfworkbench.lm.optim.NonFiniteLossException;
import org.rlhfworkbench.store.Project;
import org.rlhfworkbench.train.run.RunContext;
import org.rlhfworkbench.train.run.StepLoop;
import org.rlhfworkbench.core.config.SftConfig;

class JobsTest {
    @TempDir
    Path home;

    static final SftConfig SMALL = new SftConfig(1, 8, 1e-4f, 2, 0.1, 96, 4, 3);

    @Test
    void anSftJobRecordsItsRunMetricsAndModel() throws Exception {
        Path dir = SampleProjects.ensureSample(home);
        List<MetricPoint> seen = new CopyOnWriteArrayList<>();
        try (Project p = Project.open(dir)) {
            JobHandle h = Jobs.start(p, new SftJob(new SftJob.Config(null, SMALL)), new RunListener() {
                @Override
                public void onMetric(MetricPoint point) {
                    seen.add(point);
                }
            });
            JobHandle.JobResult r = h.await();
            assertThat(r.status()).as(r.message()).isEqualTo(RunStatus.DONE);
            assertThat(p.runs().get(h.runId()).status()).isEqualTo(RunStatus.DONE);
            assertThat(p.metrics().series(h.runId(), "loss")).hasSize(14).hasSameSizeAs(
                    seen.stream().filter(m -> m.name().equals("loss")).toList());
            assertThat(Files.readString(Jobs.runDir(p, h.runId()).resolve("config.json"))).contains("\"seed\" : 3");
            ModelEntry sft = p.models().all().stream().filter(m -> m.kind() == ModelKind.SFT).findFirst().orElseThrow();
            assertThat(sft.parentId()).isEqualTo(1L);
            assertThat(sft.runId()).isEqualTo(h.runId());
            assertThat(dir.resolve(sft.path()).resolve("model.safetensors")).isRegularFile();
        }
    }

    @Test
    void aCancelledRunResumesToTheEnd() throws Exception {
        Path dir = SampleProjects.ensureSample(home);
        try (Project p = Project.open(dir)) {
            JobHandle[] ref = new JobHandle[1];
            JobHandle h = Jobs.start(p, new SftJob(new SftJob.Config(null, SMALL)), new RunListener() {
                @Override
                public void onProgress(long step, long total, double tps, double eta) {
                    if (step == 6) {
                        ref[0].cancel();
                    }
                }
            });
            ref[0] = h;
            assertThat(h.await().status()).isEqualTo(RunStatus.CANCELLED);
            assertThat(p.runs().get(h.runId()).status()).isEqualTo(RunStatus.CANCELLED);
            JobHandle again = Jobs.resume(p, h.runId(), new SftJob(new SftJob.Config(null, SMALL)), RunListener.NONE);
            assertThat(again.await().status()).isEqualTo(RunStatus.DONE);
            assertThat(p.metrics().series(h.runId(), "loss")).extracting(MetricPoint::step)
                    .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L);
        }
    }

    @Test
    void aNonFiniteLossFailsTheRunWithItsMessage() throws Exception {
        Path dir = SampleProjects.ensureSample(home);
        try (Project p = Project.open(dir)) {
            JobHandle h = Jobs.start(p, new TrainJob() {
                public String kind() {
                    return "test";
                }

                public Object config() {
                    return java.util.Map.of("lr", 1e9);
                }

                public long seed() {
                    return 1;
                }

                public void prepare(Project project) {
                }

                public StepLoop.Outcome train(RunContext ctx, boolean resume) {
                    throw new NonFiniteLossException("loss is NaN at step 3; the run stopped and kept its last good checkpoint");
                }

                public String finish(Project project, long runId) {
                    return "unreachable";
                }

                public void close() {
                }
            }, RunListener.NONE);
            JobHandle.JobResult r = h.await();
            assertThat(r.status()).isEqualTo(RunStatus.FAILED);
            assertThat(p.runs().get(h.runId()).error()).contains("loss is NaN at step 3");
            assertThat(Files.readString(Jobs.runDir(p, h.runId()).resolve("log.txt"))).contains("failed: loss is NaN");
        }
    }
}
