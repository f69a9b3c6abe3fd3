package org.rlhfworkbench.train.dpo;

import ai.djl.ndarray.NDArray;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import org.rlhfworkbench.core.config.DpoConfig;
import org.rlhfworkbench.core.config.OnlineDpoConfig;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.lm.optim.LrSchedule;
import org.rlhfworkbench.lm.optim.OptimizerConfig;
import org.rlhfworkbench.lm.optim.Trainer;
import org.rlhfworkbench.train.data.Order;
import org.rlhfworkbench.train.ppo.Scorer;
import org.rlhfworkbench.core.config.ProbeSample;
import org.rlhfworkbench.train.run.RunContext;
import org.rlhfworkbench.train.run.StepLoop;

/**
 * Online iterative DPO, the RLHFlow loop. For t = 1..T:
 *   1-5. {@link IterationMaker}: sample K responses per prompt from the current policy, score them with the
 *        reward model, keep one pair per prompt (max-min or random), reference log-probs of the pairs;
 *   6.   DPO / IPO on the round's pairs for a fixed number of steps ({@link OnlineDpoConfig#stepsPerIteration()}).
 * A round's data is saved to runs/&lt;id&gt;/iterations/&lt;t&gt;.json before training on it, so a run resumed
 * mid-round trains on the same samples; per-round figures are logged as online/* at the round's first step.
 */
public final class OnlineDpoTrainer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final CausalLm policy;
    private final IterationMaker maker;
    private final OnlineDpoConfig cfg;
    private final IterationSink sink;
    private LongFunction<List<ProbeSample>> probes;
    private OnlineIteration current;
    private List<DpoPair> currentPairs;

    public OnlineDpoTrainer(CausalLm policy, CausalLm sft, Scorer scorer, List<Long> promptIds, List<int[]> prompts,
                            Set<Integer> eos, OnlineDpoConfig cfg, IterationSink sink) {
        if (prompts.isEmpty()) {
            throw new IllegalArgumentException("no prompts to sample from");
        }
        this.policy = policy;
        this.maker = new IterationMaker(policy, sft, scorer, promptIds, prompts, eos, cfg);
        this.cfg = cfg;
        this.sink = sink;
    }

    public OnlineDpoTrainer withProbes(LongFunction<List<ProbeSample>> sampler) {
        this.probes = sampler;
        return this;
    }

    public long totalSteps() {
        return (long) cfg.iterations() * cfg.stepsPerIteration();
    }

    public StepLoop.Outcome run(RunContext ctx, boolean resume) throws IOException {
        Map<String, NDArray> params = policy.trainable();
        DpoConfig d = cfg.dpo();
        int per = cfg.stepsPerIteration();
        LrSchedule lr = new LrSchedule(LrSchedule.Kind.CONSTANT, d.learningRate(), d.warmupSteps(), (int) totalSteps(), 1f);
        try (Trainer trainer = new Trainer(params, policy.manager(), OptimizerConfig.defaults(), lr)) {
            long tokensPerStep = 2L * d.batchSize() * d.maxLength();
            return StepLoop.run(ctx, trainer, params, totalSteps(), d.checkpointEvery(), d.seed(), resume,
                    tokensPerStep, new StepLoop.Body() {
                        @Override
                        public Trainer.StepResult step(long step) {
                            int t = (int) (step / per);
                            if (current == null || current.index() != t) {
                                load(ctx, t, step);
                            }
                            // 6. DPO on the round's pairs: batches in a seeded order per round
                            List<Integer> idx = Order.batch(currentPairs.size(), d.batchSize(), d.seed() + t, step % per);
                            DpoStep.Result r = DpoStep.update(trainer, policy, DpoStep.pick(currentPairs, idx),
                                    DpoStep.pickRef(current.reference(), idx), d);
                            DpoStep.emit(ctx, step + 1, "", r.stats());
                            ctx.metric(step + 1, "iteration", t + (step % per + 1.0) / per);
                            return r.step();
                        }

                        @Override
                        public void after(long step) {
                            if ((step + 1) % per == 0) {
                                sink.finished((int) (step / per), policy);
                            }
                            if (probes != null && cfg.probeEvery() > 0 && (step + 1) % cfg.probeEvery() == 0) {
                                ctx.samples(step + 1, probes.apply(step + 1));
                            }
                        }
                    });
        }
    }

    /** The round's data from the run folder, or made now (1-5), handed to the sink and saved. */
    private void load(RunContext ctx, int t, long step) {
        Path file = ctx.dir().resolve("iterations").resolve(t + ".json");
        try {
            if (Files.isRegularFile(file)) {
                current = JSON.readValue(file.toFile(), OnlineIteration.class);
                ctx.log("iteration " + (t + 1) + ": " + current.pairs().size() + " pairs read from " + file);
            } else {
                current = maker.make(t);
                if (current.pairs().isEmpty()) {
                    throw new IllegalStateException("iteration " + (t + 1) + ": every prompt's K responses scored the"
                            + " same, so there is no pair to train on");
                }
                sink.generated(current);
                Files.createDirectories(file.getParent());
                Path tmp = file.resolveSibling(t + ".json.tmp");
                JSON.writeValue(tmp.toFile(), current);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                emit(ctx, step + 1, current);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("iteration " + (t + 1) + " data " + file + ": " + e.getMessage(), e);
        }
        currentPairs = current.dpoPairs();
    }

    /** The per-round summary: online/score_mean, online/pair_margin, online/kl_sft and more. */
    private static void emit(RunContext ctx, long step, OnlineIteration it) {
        ctx.metric(step, "online/iteration", it.index() + 1);
        ctx.metric(step, "online/score_mean", it.meanScore());
        ctx.metric(step, "online/score_chosen", it.meanChosenScore());
        ctx.metric(step, "online/pair_margin", it.meanPairMargin());
        ctx.metric(step, "online/pairs", it.pairs().size());
        ctx.metric(step, "online/kl_sft", it.klToSft());
        ctx.metric(step, "online/response_length", it.meanLength());
        ctx.log(String.format("iteration %d: %d pairs, mean RM score %.3f, pair margin %.3f, KL to SFT %.3f",
                it.index() + 1, it.pairs().size(), it.meanScore(), it.meanPairMargin(), it.klToSft()));
    }
}
