package org.rlhfworkbench.train.dpo;

import ai.djl.ndarray.NDArray;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.rlhfworkbench.core.config.DpoConfig;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.lm.optim.LrSchedule;
import org.rlhfworkbench.lm.optim.OptimizerConfig;
import org.rlhfworkbench.lm.optim.Trainer;
import org.rlhfworkbench.train.data.Order;
import org.rlhfworkbench.core.config.ProbeSample;
import org.rlhfworkbench.train.run.RunContext;
import org.rlhfworkbench.train.run.StepLoop;

/**
 * Offline DPO / IPO (Rafailov et al. 2023; Azar et al. 2023) on preference pairs from rankings:
 *   0. reference log-probs of every pair, once ({@link ReferenceCache}, kept with the run);
 *   each step: 1. policy log-probs of a batch of pairs, 2. {@link DpoLoss}, 3. AdamW.
 * Held-out pairs are evaluated at every epoch end (eval/...). Resumable on {@link StepLoop}: the
 * pair order is a function of (seed, step), the reference numbers are read back from the run.
 */
public final class DpoTrainer {
    private final CausalLm policy;
    private final List<DpoPair> train;
    private final List<DpoPair> val;
    private final DpoConfig cfg;
    private LongFunction<List<ProbeSample>> probes;
    private int probeEvery;

    public DpoTrainer(CausalLm policy, List<DpoPair> train, List<DpoPair> val, DpoConfig cfg) {
        if (train.isEmpty()) {
            throw new IllegalArgumentException("no preference pairs to train on (rank some responses first;"
                    + " ties give no pair)");
        }
        this.policy = policy;
        this.train = List.copyOf(train);
        this.val = List.copyOf(val);
        this.cfg = cfg;
    }

    /** Re-samples probe prompts every {@code every} steps (shown beside the reference model's answers). */
    public DpoTrainer withProbes(int every, LongFunction<List<ProbeSample>> sampler) {
        this.probeEvery = every;
        this.probes = sampler;
        return this;
    }

    public long totalSteps() {
        return (long) cfg.epochs() * stepsPerEpoch();
    }

    private int stepsPerEpoch() {
        return (train.size() + cfg.batchSize() - 1) / cfg.batchSize();
    }

    /** @param reference the frozen reference (SFT) model; asked for only when the run has no cached log-probs */
    public StepLoop.Outcome run(RunContext ctx, boolean resume, Supplier<CausalLm> reference) throws IOException {
        // 0. reference log-probs, once per pair
        double[][] refTrain = ReferenceCache.get(ctx, "reference_logps", train, reference);
        double[][] refVal = val.isEmpty() ? new double[0][] : ReferenceCache.get(ctx, "reference_logps_val", val,
                reference);
        Map<String, NDArray> params = policy.trainable();
        LrSchedule lr = new LrSchedule(LrSchedule.Kind.LINEAR, cfg.learningRate(), cfg.warmupSteps(),
                (int) totalSteps(), 0f);
        try (Trainer trainer = new Trainer(params, policy.manager(), OptimizerConfig.defaults(), lr)) {
            long tokensPerStep = 2L * cfg.batchSize() * cfg.maxLength();
            return StepLoop.run(ctx, trainer, params, totalSteps(), cfg.checkpointEvery(), cfg.seed(), resume,
                    tokensPerStep, new StepLoop.Body() {
                        @Override
                        public Trainer.StepResult step(long step) {
                            List<Integer> idx = Order.batch(train.size(), cfg.batchSize(), cfg.seed(), step);
                            // 1-3. policy log-probs, loss, update
                            DpoStep.Result r = DpoStep.update(trainer, policy, DpoStep.pick(train, idx),
                                    DpoStep.pickRef(refTrain, idx), cfg);
                            DpoStep.emit(ctx, step + 1, "", r.stats());
                            ctx.metric(step + 1, "epoch", (step + 1.0) / stepsPerEpoch());
                            return r.step();
                        }

                        @Override
                        public void after(long step) {
                            if ((step + 1) % stepsPerEpoch() == 0 && !val.isEmpty()) {
                                DpoStep.emit(ctx, step + 1, "eval/", DpoStep.evaluate(policy, val, refVal, cfg));
                            }
                            if (probes != null && probeEvery > 0 && (step + 1) % probeEvery == 0) {
                                ctx.samples(step + 1, probes.apply(step + 1));
                            }
                        }
                    });
        }
    }
}
