package org.rlhfworkbench.train.run;

import ai.djl.ndarray.NDArray;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.rlhfworkbench.lm.optim.NonFiniteLossException;
import org.rlhfworkbench.lm.optim.Trainer;

/**
 * The loop every trainer shares: resume from the checkpoint if asked, run steps, checkpoint every
 * N steps (N scaled to the run's length unless set) and at the end, stop cleanly when cancelled (checkpoint first), and on a NaN / Inf loss
 * stop with a clear message, leaving the last good checkpoint untouched.
 */
public final class StepLoop {
    /** One training step and what to do around it. */
    public interface Body {
        /** Runs step {@code step} (0-based) and returns its loss. */
        Trainer.StepResult step(long step);

        /** Called after step {@code step} completes (e.g. evaluation at an epoch end). */
        default void after(long step) {
        }

        /** Trainer-specific numbers to keep in the checkpoint (e.g. the KL coefficient). */
        default java.util.Map<String, Double> state() {
            return java.util.Map.of();
        }

        /** Restores what {@link #state()} saved. */
        default void restore(java.util.Map<String, Double> state) {
        }
    }

    /** How the loop ended. */
    public enum Outcome { DONE, CANCELLED }

    /** Checkpoints per run when the interval is scaled to the run's length. */
    public static final int AUTO_CHECKPOINTS = 10;
    /** The longest scaled interval: a long run loses at most this many steps to a kill. */
    public static final int MAX_AUTO_INTERVAL = 50;

    private StepLoop() {
    }

    public static Outcome run(RunContext ctx, Trainer trainer, Map<String, NDArray> params, long totalSteps,
                              int checkpointEvery, long seed, boolean resume, long tokensPerStep, Body body)
            throws IOException {
        return run(ctx, List.of(new ParamGroup(ParamGroup.MAIN, params, trainer.optimizer())), totalSteps,
                checkpointEvery, seed, resume, tokensPerStep, body);
    }

    /**
     * The loop over several parameter groups, each with its own optimiser; the first is the main
     * one (its AdamW step count goes into the train state). All are checkpointed together.
     */
    public static Outcome run(RunContext ctx, List<ParamGroup> groups, long totalSteps, int checkpointEvery, long seed,
                              boolean resume, long tokensPerStep, Body body) throws IOException {
        int every = checkpointInterval(checkpointEvery, totalSteps);
        long start = 0;
        if (resume && Checkpoint.exists(ctx.dir())) {
            TrainState s = Checkpoint.load(ctx.dir(), groups,
                    groups.get(0).params().values().iterator().next().getManager());
            start = s.step();
            body.restore(s.extra());
            ctx.log("resumed at step " + start + " of " + totalSteps);
        }
        long t0 = System.nanoTime();
        for (long step = start; step < totalSteps; step++) {
            if (ctx.shouldStop()) {
                save(ctx, groups, step, seed, body);
                ctx.log("cancelled at step " + step + "; checkpoint saved");
                return Outcome.CANCELLED;
            }
            Trainer.StepResult r;
            try {
                r = body.step(step);
            } catch (NonFiniteLossException e) {
                throw new NonFiniteLossException(e.getMessage() + "; the run stopped and kept its last good checkpoint"
                        + " (" + ctx.dir().resolve(Checkpoint.DIR) + "). Try a lower learning rate.");
            }
            ctx.metric(step + 1, "loss", r.loss());
            ctx.metric(step + 1, "lr", r.lr());
            ctx.metric(step + 1, "grad_norm", r.gradNorm());
            double tps = tokensPerStep * (step + 1 - start) / ((System.nanoTime() - t0) / 1e9);
            body.after(step);
            if ((step + 1) % every == 0 || step + 1 == totalSteps) {
                save(ctx, groups, step + 1, seed, body);
            }
            // reported after the save: a process killed once it has seen step s reported resumes at s or later
            ctx.progress(step + 1, totalSteps, tps);
        }
        return Outcome.DONE;
    }

    /**
     * Steps between checkpoints: {@code configured} when above 0; 0 scales it to the run, about
     * {@link #AUTO_CHECKPOINTS} checkpoints per run and never more than {@link #MAX_AUTO_INTERVAL}
     * steps apart, so a short run killed halfway still resumes from its middle.
     */
    public static int checkpointInterval(int configured, long totalSteps) {
        if (configured > 0) {
            return configured;
        }
        if (configured < 0) {
            throw new IllegalArgumentException("checkpointEvery must be 0 (scaled to the run) or above, was " + configured);
        }
        return (int) Math.max(1, Math.min(MAX_AUTO_INTERVAL, totalSteps / AUTO_CHECKPOINTS));
    }

    private static void save(RunContext ctx, List<ParamGroup> groups, long step, long seed, Body body)
            throws IOException {
        Checkpoint.save(ctx.dir(), groups, new TrainState(step, groups.get(0).optimizer().steps(), seed, body.state()));
    }
}
