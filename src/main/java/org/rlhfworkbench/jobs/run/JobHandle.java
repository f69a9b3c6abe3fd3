package org.rlhfworkbench.jobs.run;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.rlhfworkbench.core.RunStatus;

/** A running job: pause, resume and cancel take effect between two steps. */
public final class JobHandle {
    private final long runId;
    private final JobContext ctx;
    private final CompletableFuture<JobResult> done;

    JobHandle(long runId, JobContext ctx, CompletableFuture<JobResult> done) {
        this.runId = runId;
        this.ctx = ctx;
        this.done = done;
    }

    public long runId() {
        return runId;
    }

    public void pause() {
        ctx.pause(true);
    }

    public void resume() {
        ctx.pause(false);
    }

    public void cancel() {
        ctx.cancel();
    }

    public boolean isDone() {
        return done.isDone();
    }

    /** Waits for the end of the run. */
    public JobResult await() throws InterruptedException {
        try {
            return done.get();
        } catch (ExecutionException e) {
            return new JobResult(runId, RunStatus.FAILED, e.getCause().getMessage());
        }
    }

    /** How the run ended: its final state and a summary line (or the error). */
    public record JobResult(long runId, RunStatus status, String message) {
    }
}
