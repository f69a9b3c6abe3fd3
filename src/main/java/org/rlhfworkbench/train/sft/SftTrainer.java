package org.rlhfworkbench.train.sft;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.rlhfworkbench.core.config.SftConfig;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.lm.optim.LrSchedule;
import org.rlhfworkbench.lm.optim.OptimizerConfig;
import org.rlhfworkbench.lm.optim.Trainer;
import org.rlhfworkbench.lm.score.LogProbs;
import org.rlhfworkbench.lm.score.PackedBatch;
import org.rlhfworkbench.train.data.Encoded;
import org.rlhfworkbench.train.data.Order;
import org.rlhfworkbench.train.run.RunContext;
import org.rlhfworkbench.train.run.StepLoop;

/**
 * Stage 1 of InstructGPT: next-token loss on the response tokens only,
 *   L = - sum_{t in response} log p(y_t | x, y_<t) / (number of response tokens),
 * prompt and padding masked. Validation loss (same formula, held-out prompts) after each epoch.
 */
public final class SftTrainer {
    private final CausalLm model;
    private final List<Encoded> train;
    private final List<Encoded> val;
    private final SftConfig cfg;

    public SftTrainer(CausalLm model, List<Encoded> train, List<Encoded> val, SftConfig cfg) {
        if (train.isEmpty()) {
            throw new IllegalArgumentException("no demonstrations to train on (write, correct or import some first)");
        }
        this.model = model;
        this.train = train;
        this.val = val;
        this.cfg = cfg;
    }

    public long totalSteps() {
        return (long) cfg.epochs() * stepsPerEpoch();
    }

    private int stepsPerEpoch() {
        return (train.size() + cfg.batchSize() - 1) / cfg.batchSize();
    }

    public StepLoop.Outcome run(RunContext ctx, boolean resume) throws IOException {
        try (Trainer trainer = new Trainer(model.trainable(), model.manager(), OptimizerConfig.defaults(),
                LrSchedule.cosine(cfg.learningRate(), cfg.warmupSteps(), (int) totalSteps()))) {
            long tokensPerStep = (long) cfg.batchSize() * cfg.maxLength();
            return StepLoop.run(ctx, trainer, model.trainable(), totalSteps(), cfg.checkpointEvery(), cfg.seed(),
                    resume, tokensPerStep, new StepLoop.Body() {
                        @Override
                        public Trainer.StepResult step(long step) {
                            List<Encoded> batch = pick(Order.batch(train.size(), cfg.batchSize(), cfg.seed(), step));
                            return trainer.step(1, (m, micro) -> loss(batch, m));
                        }

                        @Override
                        public void after(long step) {
                            if ((step + 1) % stepsPerEpoch() == 0 && !val.isEmpty()) {
                                ctx.metric(step + 1, "eval/loss", validationLoss());
                            }
                        }
                    });
        }
    }

    /** Mean negative log-likelihood per response token: (B, R) log-probs, masked. */
    NDArray loss(List<Encoded> batch, NDManager m) {
        PackedBatch packed = pack(batch);
        NDArray lp = LogProbs.tokenLogProbs(model, packed, m, null);   // (B, R), 0 on padding
        NDArray mask = packed.responseMask(m);                           // (B, R)
        return lp.sum().neg().div(mask.sum());
    }

    public double validationLoss() {
        org.rlhfworkbench.lm.nd.NoGrad.enter();
        double sum = 0;
        int n = 0;
        for (int i = 0; i < val.size(); i += cfg.batchSize()) {
            List<Encoded> batch = val.subList(i, Math.min(val.size(), i + cfg.batchSize()));
            try (NDManager m = model.manager().newSubManager(); NDScope scope = new NDScope()) {
                sum += loss(batch, m).getFloat() * batch.size();
                n += batch.size();
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private List<Encoded> pick(List<Integer> idx) {
        List<Encoded> out = new ArrayList<>();
        for (int i : idx) {
            out.add(train.get(i));
        }
        return out;
    }

    static PackedBatch pack(List<Encoded> batch) {
        List<int[]> p = new ArrayList<>();
        List<int[]> r = new ArrayList<>();
        for (Encoded e : batch) {
            p.add(e.prompt());
            r.add(e.response());
        }
        return new PackedBatch(p, r);
    }
}
