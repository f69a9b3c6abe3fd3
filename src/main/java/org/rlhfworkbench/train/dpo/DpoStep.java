package org.rlhfworkbench.train.dpo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import java.util.ArrayList;
import java.util.List;
import org.rlhfworkbench.core.config.DpoConfig;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.lm.nd.NoGrad;
import org.rlhfworkbench.lm.nd.Scalars;
import org.rlhfworkbench.lm.optim.Trainer;
import org.rlhfworkbench.train.run.RunContext;

/** One DPO / IPO update on a batch of pairs with cached reference log-probs, and the same loss without update. */
final class DpoStep {
    /** The optimiser step and the batch's logged numbers. */
    record Result(Trainer.StepResult step, DpoLoss.Stats stats) {
    }

    private DpoStep() {
    }

    /** 1. policy log-probs of chosen and rejected; 2. the loss against the cached reference; 3. AdamW. */
    static Result update(Trainer trainer, CausalLm policy, List<DpoPair> batch, double[][] ref, DpoConfig cfg) {
        DpoLoss.Stats[] stats = new DpoLoss.Stats[1];
        Trainer.StepResult r = trainer.step(1, (m, micro) -> loss(policy, batch, ref, cfg, m, stats));
        return new Result(r, stats[0]);
    }

    /** The loss and statistics over {@code pairs} without gradient (evaluation), in batches. */
    static DpoLoss.Stats evaluate(CausalLm policy, List<DpoPair> pairs, double[][] ref, DpoConfig cfg) {
        NoGrad.enter();
        double[] sums = new double[7];
        for (int i = 0; i < pairs.size(); i += cfg.batchSize()) {
            int to = Math.min(pairs.size(), i + cfg.batchSize());
            DpoLoss.Stats[] s = new DpoLoss.Stats[1];
            try (NDManager m = policy.manager().newSubManager(); NDScope scope = new NDScope()) {
                loss(policy, pairs.subList(i, to), java.util.Arrays.copyOfRange(ref, i, to), cfg, m, s);
            }
            double w = to - i;
            double[] v = {s[0].loss(), s[0].rewardsChosen(), s[0].rewardsRejected(), s[0].margins(), s[0].accuracies(),
                s[0].logpsChosen(), s[0].logpsRejected()};
            for (int j = 0; j < v.length; j++) {
                sums[j] += v[j] * w;
            }
        }
        double n = pairs.size();
        return new DpoLoss.Stats(sums[0] / n, sums[1] / n, sums[2] / n, sums[3] / n, sums[4] / n, sums[5] / n,
                sums[6] / n);
    }

    /** TRL's names: rewards/chosen, rewards/rejected, rewards/margins, rewards/accuracies, logps/chosen, logps/rejected. */
    static void emit(RunContext ctx, long step, String prefix, DpoLoss.Stats s) {
        if (!prefix.isEmpty()) {
            ctx.metric(step, prefix + "loss", s.loss());
        }
        ctx.metric(step, prefix + "rewards/chosen", s.rewardsChosen());
        ctx.metric(step, prefix + "rewards/rejected", s.rewardsRejected());
        ctx.metric(step, prefix + "rewards/margins", s.margins());
        ctx.metric(step, prefix + "rewards/accuracies", s.accuracies());
        ctx.metric(step, prefix + "logps/chosen", s.logpsChosen());
        ctx.metric(step, prefix + "logps/rejected", s.logpsRejected());
    }

    private static NDArray loss(CausalLm policy, List<DpoPair> batch, double[][] ref, DpoConfig cfg, NDManager m,
                                DpoLoss.Stats[] out) {
        NDArray[] lp = PairLogps.of(policy, batch, m);                                    // (B), (B)
        double[] refW = column(ref, 0);
        double[] refL = column(ref, 1);
        NDArray loss = DpoLoss.of(lp[0], lp[1], m.create(floats(refW)), m.create(floats(refL)), cfg,
                new Scalars(m));                                                           // scalar
        out[0] = DpoLoss.stats(loss.getFloat(), lp[0].toFloatArray(), lp[1].toFloatArray(), refW, refL, cfg.beta());
        return loss;
    }

    static List<DpoPair> pick(List<DpoPair> all, List<Integer> idx) {
        List<DpoPair> out = new ArrayList<>();
        for (int i : idx) {
            out.add(all.get(i));
        }
        return out;
    }

    static double[][] pickRef(double[][] all, List<Integer> idx) {
        double[][] out = new double[idx.size()][];
        for (int i = 0; i < idx.size(); i++) {
            out[i] = all[idx.get(i)];
        }
        return out;
    }

    private static double[] column(double[][] a, int j) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i][j];
        }
        return out;
    }

    private static float[] floats(double[] a) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) a[i];
        }
        return out;
    }
}
