package org.rlhfworkbench.train.reward;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.rlhfworkbench.core.config.RewardConfig;
import org.rlhfworkbench.lm.optim.LrSchedule;
import org.rlhfworkbench.lm.optim.OptimizerConfig;
import org.rlhfworkbench.lm.optim.Trainer;
import org.rlhfworkbench.train.data.Order;
import org.rlhfworkbench.train.run.RunContext;
import org.rlhfworkbench.train.run.StepLoop;

/**
 * Stage 3 of InstructGPT: the reward model trained directly on K-way rankings. Each step takes
 * {@code promptsPerStep} prompts; each prompt's K responses go through the model as one batch
 * and contribute {@link RewardLoss} (accumulated over the prompts). Held-out accuracy, margin
 * and reward statistics after every epoch.
 */
public final class RewardTrainer {
    private final RewardModel rm;
    private final List<RankedGroup> train;
    private final List<RankedGroup> val;
    private final RewardConfig cfg;
    private RewardEval lastEval;

    public RewardTrainer(RewardModel rm, List<RankedGroup> train, List<RankedGroup> val, RewardConfig cfg) {
        List<RankedGroup> usable = train.stream().filter(g -> !g.pairs().isEmpty()).toList();
        if (usable.isEmpty()) {
            throw new IllegalArgumentException("no ranked prompts with at least one preference pair to train on");
        }
        this.rm = rm;
        this.train = usable;
        this.val = List.copyOf(val);  // all held-out responses count for the reward mean / std
        this.cfg = cfg;
    }

    public long totalSteps() {
        return (long) cfg.epochs() * stepsPerEpoch();
    }

    private int stepsPerEpoch() {
        return (train.size() + cfg.promptsPerStep() - 1) / cfg.promptsPerStep();
    }

    public RewardEval lastEval() {
        return lastEval;
    }

    public StepLoop.Outcome run(RunContext ctx, boolean resume) throws IOException {
        Map<String, NDArray> params = rm.parameters();
        try (Trainer trainer = new Trainer(params, rm.backbone().manager(), OptimizerConfig.defaults(),
                LrSchedule.cosine(cfg.learningRate(), cfg.warmupSteps(), (int) totalSteps()))) {
            long tokensPerStep = (long) cfg.promptsPerStep() * 4 * cfg.maxLength();
            StepLoop.Outcome out = StepLoop.run(ctx, trainer, params, totalSteps(), cfg.checkpointEvery(), cfg.seed(),
                    resume, tokensPerStep, new StepLoop.Body() {
                        @Override
                        public Trainer.StepResult step(long step) {
                            List<Integer> idx = Order.batch(train.size(), cfg.promptsPerStep(), cfg.seed(), step);
                            return trainer.step(idx.size(), (m, micro) -> loss(train.get(idx.get(micro)), m));
                        }

                        @Override
                        public void after(long step) {
                            if ((step + 1) % stepsPerEpoch() == 0 && !val.isEmpty()) {
                                lastEval = RewardEval.of(rm, val);
                                ctx.metric(step + 1, "eval/accuracy", lastEval.accuracy());
                                ctx.metric(step + 1, "eval/margin", lastEval.meanMargin());
                                ctx.metric(step + 1, "eval/reward_mean", lastEval.rewardMean());
                                ctx.metric(step + 1, "eval/reward_std", lastEval.rewardStd());
                            }
                        }
                    });
            if (lastEval == null && !val.isEmpty()) {
                lastEval = RewardEval.of(rm, val);
            }
            return out;
        }
    }

    NDArray loss(RankedGroup g, NDManager m) {
        NDArray r = rm.rewards(RewardModel.repeat(g.prompt(), g.responses().size()), g.responses(), m);  // (K)
        List<int[]> pairs = g.pairs();
        double[] margins = null;
        if (cfg.marginScale() > 0 && g.quality() != null) {
            margins = new double[pairs.size()];
            for (int i = 0; i < pairs.size(); i++) {
                margins[i] = cfg.marginScale() * (g.quality().get(pairs.get(i)[0]) - g.quality().get(pairs.get(i)[1]));
            }
        }
        return RewardLoss.of(r, pairs, margins, cfg.centerCoefficient(), m);
    }
}
