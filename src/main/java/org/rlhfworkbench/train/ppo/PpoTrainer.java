package org.rlhfworkbench.train.ppo;

import ai.djl.ndarray.NDArray;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.rlhfworkbench.core.config.PpoConfig;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.lm.optim.LrSchedule;
import org.rlhfworkbench.lm.optim.OptimizerConfig;
import org.rlhfworkbench.lm.optim.Trainer;
import org.rlhfworkbench.train.data.Order;
import org.rlhfworkbench.train.run.ParamGroup;
import org.rlhfworkbench.train.run.RunContext;
import org.rlhfworkbench.train.run.StepLoop;

/**
 * Stage 4 of InstructGPT: PPO against the reward model with a per-token KL penalty to the
 * frozen SFT model. Each step: 1-5 {@link RolloutMaker} (sample, score, reference, rewards, GAE),
 * 6 {@link PpoUpdate} (clipped policy and value losses over minibatches), 7 the KL controller.
 * Resumable: policy, value head (or the separate critic with its own AdamW state), optimizers,
 * beta and step are checkpointed; prompt order and sampling seeds are functions of (seed, step).
 */
public final class PpoTrainer {
    private final PolicyWithValue pv;
    private final RolloutMaker maker;
    private final PpoConfig cfg;
    private final List<int[]> prompts;
    private final Probes probes;
    private final KlController kl;
    private final Timings timings = new Timings();
    private List<org.rlhfworkbench.train.data.Encoded> ptx = List.of();

    /** PPO with the value head on the policy's trunk. */
    public PpoTrainer(CausalLm policy, CausalLm reference, Scorer scorer, List<int[]> prompts, List<int[]> probePrompts, Function<int[], String> decode, Set<Integer> eos,
                      PpoConfig cfg) {
        this(policy, reference, scorer, prompts, probePrompts, decode, eos, cfg, new TrunkCritic(policy, cfg.vfCoef()));
    }

    /** PPO with {@code critic} as the value function: a {@link SeparateCritic} when the config asks for one. */
    public PpoTrainer(CausalLm policy, CausalLm reference, Scorer scorer, List<int[]> prompts, List<int[]> probePrompts,
                      Function<int[], String> decode, Set<Integer> eos, PpoConfig cfg, Critic critic) {
        if (prompts.isEmpty()) {
            throw new IllegalArgumentException("no prompts to run PPO on");
        }
        if (cfg.separateCritic() != critic instanceof SeparateCritic) {
            throw new IllegalArgumentException(cfg.separateCritic()
                    ? "separateCritic is on: pass a SeparateCritic made from the reward model"
                    : "a SeparateCritic was given but the config's separateCritic is off");
        }
        this.pv = new PolicyWithValue(policy, critic);
        this.cfg = cfg;
        this.prompts = prompts;
        this.kl = new KlController(cfg.klCoef(), cfg.adaptiveKl(), cfg.klTarget(), cfg.klHorizon());
        this.maker = new RolloutMaker(pv, reference, scorer, cfg, eos, timings);
        this.probes = new Probes(pv.policy, reference, scorer, probePrompts, decode, eos, cfg);
    }

    /** Demonstrations for the PPO-ptx term (used when the config's ptxCoef is above 0). */
    public PpoTrainer withPtx(List<org.rlhfworkbench.train.data.Encoded> examples) {
        this.ptx = List.copyOf(examples);
        return this;
    }

    /** Policy weights, plus the value head when it sits on the trunk (the checkpoint's main group). */
    public Map<String, NDArray> parameters() {
        return pv.parameters();
    }

    /** The value head's tensors: on the policy's trunk, or the separate critic's head. */
    public Map<String, NDArray> valueHead() {
        return pv.critic.head();
    }

    Critic critic() {
        return pv.critic;
    }

    /** Linear decay to 0 over all optimiser updates of the run (policy and separate critic alike). */
    static LrSchedule schedule(PpoConfig cfg) {
        return new LrSchedule(LrSchedule.Kind.LINEAR, cfg.learningRate(), 0, cfg.steps() * cfg.updatesPerStep(), 0f);
    }

    public double beta() {
        return kl.beta();
    }

    public Map<String, Double> timings() {
        return timings.totals();
    }

    public StepLoop.Outcome run(RunContext ctx, boolean resume) throws IOException {
        Map<String, NDArray> params = pv.parameters();
        try (Trainer trainer = new Trainer(params, pv.policy.manager(), OptimizerConfig.defaults(), schedule(cfg));
             Critic critic = pv.critic) {
            PpoUpdate update = new PpoUpdate(pv, trainer, cfg, ptx);
            long tokensPerStep = (long) cfg.distinctPrompts() * cfg.samplesPerPrompt() * cfg.maxNewTokens();
            List<ParamGroup> groups = new ArrayList<>();
            groups.add(new ParamGroup(ParamGroup.MAIN, params, trainer.optimizer()));
            groups.addAll(critic.ownGroups());
            return StepLoop.run(ctx, groups, cfg.steps(), cfg.checkpointEvery(), cfg.seed(), resume,
                    tokensPerStep, new StepLoop.Body() {
                        @Override
                        public Trainer.StepResult step(long step) {
                            return ppoStep(ctx, update, step);
                        }

                        @Override
                        public void after(long step) {
                            if (cfg.probeEvery() > 0 && (step + 1) % cfg.probeEvery() == 0) {
                                ctx.samples(step + 1, probes.sample(step + 1));
                            }
                        }

                        @Override
                        public Map<String, Double> state() {
                            return Map.of("beta", kl.beta());
                        }

                        @Override
                        public void restore(Map<String, Double> state) {
                            kl.set(state.getOrDefault("beta", cfg.klCoef()));
                        }
                    });
        }
    }

    private Trainer.StepResult ppoStep(RunContext ctx, PpoUpdate update, long step) {
        List<int[]> batch = new ArrayList<>();
        for (int i : Order.batch(prompts.size(), cfg.distinctPrompts(), cfg.seed(), step)) {
            batch.add(prompts.get(i));
        }
        double beta = kl.beta();
        Rollout r = maker.make(batch, cfg.samplesPerPrompt(), cfg.seed() * 7919 + step, beta);
        long t0 = System.nanoTime();
        PpoUpdate.Stats s = update.run(r, cfg.seed() + step);
        timings.add("timing/update", t0);
        // 7. adapt beta to the measured KL
        kl.update(r.klPerResponse(), r.size());
        PpoMetrics.emit(ctx, step + 1, (step + 1) * r.size(), r, s, beta, timings.totals());
        return new Trainer.StepResult(step + 1, (float) (s.policyLoss() + 0.5 * cfg.vfCoef() * s.valueLoss()),
                s.gradNorm(), s.lr());
    }
}
