package org.rlhfworkbench.train.grpo;

import ai.djl.ndarray.NDArray;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.rlhfworkbench.core.config.GrpoConfig;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.lm.optim.LrSchedule;
import org.rlhfworkbench.lm.optim.OptimizerConfig;
import org.rlhfworkbench.lm.optim.Trainer;
import org.rlhfworkbench.train.data.Order;
import org.rlhfworkbench.train.ppo.Probes;
import org.rlhfworkbench.train.rewards.EpisodePrompt;
import org.rlhfworkbench.train.rewards.RewardMix;
import org.rlhfworkbench.train.run.RunContext;
import org.rlhfworkbench.train.run.StepLoop;

/**
 * The GRPO family without a critic: each step 1-5 {@link GroupRolloutMaker} (K answers per prompt,
 * reward sources, reference log-probs when beta > 0, group-relative advantages, dynamic sampling),
 * 6 {@link GrpoUpdate} (clipped surrogate, chosen aggregation, optional k3 term). Resumable:
 * policy and AdamW state are checkpointed; prompt order, sampling and minibatch order are
 * functions of (seed, step).
 */
public final class GrpoTrainer {
    private final CausalLm policy;
    private final GroupRolloutMaker maker;
    private final GrpoConfig cfg;
    private final List<EpisodePrompt> prompts;
    private final Probes probes;
    private final GrpoTimings timings = new GrpoTimings();

    /**
     * @param reference the frozen reference (SFT) model; null when beta is 0
     * @param probes probe prompts sampled every probeEvery steps; null for none
     * @param decode an answer's token ids to the text reward sources read
     */
    public GrpoTrainer(CausalLm policy, CausalLm reference, RewardMix rewards, List<EpisodePrompt> prompts,
                       Probes probes, Function<int[], String> decode, Set<Integer> eos, GrpoConfig cfg) {
        if (prompts.isEmpty()) {
            throw new IllegalArgumentException("no prompts to run GRPO on");
        }
        if (cfg.algorithm().beta() > 0 && reference == null) {
            throw new IllegalArgumentException("beta is " + cfg.algorithm().beta() + " but no reference model was given");
        }
        if (cfg.rollout().group() < 2) {
            throw new IllegalArgumentException("GRPO needs at least 2 answers per prompt, group was "
                    + cfg.rollout().group());
        }
        this.policy = policy;
        this.cfg = cfg;
        this.prompts = List.copyOf(prompts);
        this.probes = probes;
        this.maker = new GroupRolloutMaker(policy, reference, rewards, cfg, decode, eos, timings);
    }

    public Map<String, NDArray> parameters() {
        return policy.trainable();  // the adapter only when the policy has one (LoRA), else every weight
    }

    public Map<String, Double> timings() {
        return timings.totals();
    }

    /** Linear decay to 0 over all optimiser updates of the run. */
    static LrSchedule schedule(GrpoConfig cfg) {
        return new LrSchedule(LrSchedule.Kind.LINEAR, cfg.optimisation().learningRate(), 0,
                cfg.optimisation().steps() * cfg.updatesPerStep(), 0f);
    }

    public StepLoop.Outcome run(RunContext ctx, boolean resume) throws IOException {
        Map<String, NDArray> params = parameters();
        GrpoConfig.Optimisation o = cfg.optimisation();
        try (Trainer trainer = new Trainer(params, policy.manager(), OptimizerConfig.defaults(), schedule(cfg))) {
            GrpoUpdate update = new GrpoUpdate(policy, trainer, cfg);
            long tokensPerStep = (long) cfg.rollout().prompts() * cfg.rollout().group() * cfg.rollout().maxNewTokens();
            return StepLoop.run(ctx, trainer, params, o.steps(), o.checkpointEvery(), o.seed(), resume, tokensPerStep,
                    new StepLoop.Body() {
                        @Override
                        public Trainer.StepResult step(long step) {
                            return grpoStep(ctx, update, step);
                        }

                        @Override
                        public void after(long step) {
                            int every = cfg.rollout().probeEvery();
                            if (probes != null && every > 0 && (step + 1) % every == 0) {
                                ctx.samples(step + 1, probes.sample(step + 1));
                            }
                        }
                    });
        }
    }

    private Trainer.StepResult grpoStep(RunContext ctx, GrpoUpdate update, long step) {
        long seed = cfg.optimisation().seed();
        List<EpisodePrompt> batch = new ArrayList<>();
        for (int i : Order.batch(prompts.size(), Math.min(cfg.rollout().prompts(), prompts.size()), seed, step)) {
            batch.add(prompts.get(i));
        }
        GroupRollout r = maker.make(batch, seed * 7919 + step);
        long t0 = System.nanoTime();
        GrpoUpdate.Stats s = update.run(r, seed + step);
        timings.add("timing/update", t0);
        GrpoMetrics.emit(ctx, step + 1, (step + 1) * r.size(), r, s, timings.totals());
        return new Trainer.StepResult(step + 1, s.updates() == 0 ? 0f : (float) s.loss(),
                s.updates() == 0 ? 0 : s.gradNorm(), s.lr());
    }
}
