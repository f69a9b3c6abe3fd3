package org.rlhfworkbench.jobs.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.rlhfworkbench.core.RunRecord;
import org.rlhfworkbench.core.RunStatus;
import org.rlhfworkbench.lm.nd.OmpPool;
import org.rlhfworkbench.store.Project;
import org.rlhfworkbench.train.run.StepLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts training jobs for the GUI and the CLI alike: a run row and runs/&lt;id&gt;/config.json
 * (the config with its seed), then the job on its own thread, with its state in the run table.
 */
public final class Jobs {
    private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Jobs() {
    }

    /** Starts a new run of {@code job}, or throws {@link TrainingSlot.BusyException} (writing nothing) while one trains. */
    public static JobHandle start(Project project, TrainJob job, RunListener listener) throws IOException {
        TrainingSlot.take("a " + job.kind() + " run");
        try {
            return launch(project, record(project, job), job, listener, false);
        } catch (IOException | RuntimeException | Error e) {
            TrainingSlot.abandon();
            throw e;
        }
    }

    /** Writes the run row (status queued) and runs/&lt;id&gt;/config.json of {@code job}; returns the run id. */
    static long record(Project project, TrainJob job) throws IOException {
        ObjectNode cfg = JSON.createObjectNode();
        cfg.put("kind", job.kind());
        cfg.put("seed", job.seed());
        cfg.set("config", JSON.valueToTree(job.config()));
        String json = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(cfg);
        long runId = project.runs().add(job.kind(), json, job.seed());
        Path dir = runDir(project, runId);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("config.json"), json + "\n");
        return runId;
    }

    /** Starts a run recorded by {@link #record} (a queued one), or throws {@link TrainingSlot.BusyException}. */
    static JobHandle startRecorded(Project project, long runId, TrainJob job, RunListener listener) {
        TrainingSlot.take("queued run " + runId);
        try {
            return launch(project, runId, job, listener, false);
        } catch (RuntimeException | Error e) {
            TrainingSlot.abandon();
            throw e;
        }
    }

    /** Continues run {@code runId} from its last checkpoint with {@code job} rebuilt from its config. */
    public static JobHandle resume(Project project, long runId, TrainJob job, RunListener listener) {
        RunRecord run = project.runs().get(runId);
        if (run == null) {
            throw new IllegalArgumentException("no run " + runId + " in " + project.dir());
        }
        if (run.status() == RunStatus.DONE) {
            throw new IllegalArgumentException("run " + runId + " is already done");
        }
        TrainingSlot.take("to resume run " + runId);
        try {
            return launch(project, runId, job, listener, true);
        } catch (RuntimeException | Error e) {
            TrainingSlot.abandon();
            throw e;
        }
    }

    /**
     * The step a run's checkpoint continues from, or empty when the run saved none yet (resuming
     * it then starts again from step 0: the screen must say so).
     */
    public static java.util.OptionalLong checkpointStep(Project project, long runId) {
        Path dir = runDir(project, runId);
        if (!org.rlhfworkbench.train.run.Checkpoint.exists(dir)) {
            return java.util.OptionalLong.empty();
        }
        try {
            return java.util.OptionalLong.of(JSON.readTree(dir.resolve("checkpoint").resolve("state.json").toFile())
                    .path("step").asLong());
        } catch (IOException e) {
            LOG.warn("cannot read the checkpoint state of run {}: {}", runId, e.getMessage());
            return java.util.OptionalLong.empty();
        }
    }

    /** The saved config of a run, as written at its start. */
    public static ObjectNode config(Project project, long runId) throws IOException {
        RunRecord run = project.runs().get(runId);
        if (run == null) {
            throw new IllegalArgumentException("no run " + runId + " in " + project.dir());
        }
        return (ObjectNode) JSON.readTree(run.configJson());
    }

    public static Path runDir(Project project, long runId) {
        return project.dir().resolve("runs").resolve(Long.toString(runId));
    }

    private static JobHandle launch(Project project, long runId, TrainJob job, RunListener listener, boolean resume) {
        TrainingSlot.name(new TrainingSlot.ActiveRun(runId, job.kind(), project.dir()));
        project.busyWith("training run " + runId + " (" + job.kind() + ")");  // named in another process's refusal
        JobContext ctx = new JobContext(project, runId, runDir(project, runId), listener);
        CompletableFuture<JobHandle.JobResult> done = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                done.complete(execute(project, runId, job, ctx, listener, resume));
            } catch (Throwable e) {  // even a failure while recording the failure ends the wait
                done.completeExceptionally(e);
            } finally {
                TrainingSlot.release(runId);
                RunQueue.process().kick();  // the next queued run, now that this one's models are closed
            }
        }, "rlhf-train-" + runId);
        t.setDaemon(true);
        // this thread may hold an OpenMP team from loading models; with it, the run's team would
        // make more OpenMP threads than CPUs and libgomp would sleep at every barrier (OmpPool)
        OmpPool.release();
        project.runs().setStatus(runId, RunStatus.RUNNING, null);
        listener.onStatus(RunStatus.RUNNING, null);
        t.start();
        return new JobHandle(runId, ctx, done);
    }

    private static JobHandle.JobResult execute(Project project, long runId, TrainJob job, JobContext ctx,
                                               RunListener listener, boolean resume) {
        try (job) {
            job.prepare(project);
            StepLoop.Outcome outcome = job.train(ctx, resume);
            ctx.flush();
            if (outcome == StepLoop.Outcome.CANCELLED) {
                return end(project, runId, RunStatus.CANCELLED, "cancelled; resume with --resume " + runId, listener);
            }
            String summary = job.finish(project, runId);
            ctx.log(summary);
            return end(project, runId, RunStatus.DONE, summary, listener);
        } catch (Exception | Error e) {
            ctx.flush();
            String msg = e.getMessage() == null ? e.toString() : e.getMessage();
            LOG.warn("run {} failed: {} (stack trace in {})", runId, msg, ctx.dir().resolve("log.txt"));
            LOG.debug("run {} failed", runId, e);
            ctx.log("failed: " + msg);
            ctx.logTrace(e);
            return end(project, runId, RunStatus.FAILED, msg, listener);
        }
    }

    private static JobHandle.JobResult end(Project project, long runId, RunStatus status, String message,
                                           RunListener listener) {
        project.busyWith(null);
        TrainingSlot.release(runId);  // before the last event, so a listener may start the next run at once
        project.runs().setStatus(runId, status, status == RunStatus.FAILED ? message : null);
        listener.onStatus(status, status == RunStatus.FAILED ? message : null);
        return new JobHandle.JobResult(runId, status, message);
    }
}
