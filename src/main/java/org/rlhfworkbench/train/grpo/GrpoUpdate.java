package org.rlhfworkbench.train.grpo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.rlhfworkbench.core.config.GrpoConfig;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.lm.nd.Scalars;
import org.rlhfworkbench.lm.optim.Trainer;
import org.rlhfworkbench.lm.score.PackedBatch;
import org.rlhfworkbench.train.data.Order;

/**
 * GRPO step 6: {@code epochs} passes over the kept rows in {@code miniBatches} minibatches, each an
 * optimiser step on the aggregated clipped surrogate (plus beta k3 when the KL is a loss term),
 * recording TRL's statistics: clip ratios (low: r < 1 - eps_low where A < 0; high: r > 1 + eps_high
 * where A > 0), token entropy and the k3 KL to the reference.
 */
final class GrpoUpdate {
    private final CausalLm policy;
    private final Trainer trainer;
    private final GrpoConfig cfg;
    private final LossAggregation aggregation;

    /** Means over the minibatches of one update; NaN when no row was kept. */
    record Stats(double loss, double clipLow, double clipHigh, double clipRegion, double entropy, double kl,
                 double gradNorm, float lr, int updates) {
    }

    GrpoUpdate(CausalLm policy, Trainer trainer, GrpoConfig cfg) {
        this.policy = policy;
        this.trainer = trainer;
        this.cfg = cfg;
        this.aggregation = LossAggregation.parse(cfg.algorithm().aggregation());
    }

    Stats run(GroupRollout r, long seed) {
        List<Integer> rows = r.keptRows();
        int n = rows.size();
        double[] sums = new double[7];
        int count = 0;
        float lr = 0;
        if (n > 0) {
            int per = Math.max(1, (n + cfg.optimisation().miniBatches() - 1) / cfg.optimisation().miniBatches());
            for (int epoch = 0; epoch < cfg.optimisation().epochs(); epoch++) {
                List<Integer> order = Order.epoch(n, seed, epoch);
                for (int start = 0; start < n; start += per) {
                    List<Integer> idx = new ArrayList<>();
                    for (int i : order.subList(start, Math.min(n, start + per))) {
                        idx.add(rows.get(i));
                    }
                    GroupBatch mb = GroupBatch.of(r, idx);
                    double[] stats = new double[5];
                    Trainer.StepResult res = trainer.step(1, (m, micro) -> loss(mb, m, stats));
                    for (int i = 0; i < 5; i++) {
                        sums[i] += stats[i];
                    }
                    sums[5] += res.loss();
                    sums[6] += res.gradNorm();
                    lr = res.lr();
                    count++;
                }
            }
        }
        double c = count == 0 ? Double.NaN : count;
        return new Stats(sums[5] / c, sums[0] / c, sums[1] / c, sums[2] / c, sums[3] / c, sums[4] / c, sums[6] / c, lr,
                count);
    }

    private NDArray loss(GroupBatch mb, NDManager m, double[] stats) {
        Scalars c = new Scalars(m);
        Shape shape = new Shape(mb.rows(), mb.width());
        NDArray[] out = forward(mb.batch(), m, c);
        NDArray logp = out[0];                                                                // (b, w)
        NDArray mask = m.create(mb.mask(), shape);                                            // (b, w)
        NDArray old = m.create(mb.oldLogp(), shape);                                          // (b, w)
        NDArray adv = m.create(mb.advantages(), shape);                                       // (b, w)
        NDArray ref = mb.refLogp() == null ? null : m.create(mb.refLogp(), shape);            // (b, w)
        NDArray perToken = PolicyLoss.perToken(logp, old, adv, mask, ref, cfg.algorithm(), c);  // (b, w)
        NDArray loss = aggregation.aggregate(perToken, mask, cfg.rollout().maxNewTokens(), c);
        // statistics, no gradient
        NDArray lp = logp.stopGradient();
        float[] ratio = PolicyLoss.ratio(lp, old, mask, cfg.algorithm().sequenceRatio(), c)
                .broadcast(shape).toFloatArray();
        float[] a = mb.advantages();
        float[] mk = mb.mask();
        double low = 0;
        double high = 0;
        double tokens = 0;
        for (int i = 0; i < mk.length; i++) {
            if (mk[i] > 0) {
                boolean isLow = ratio[i] < 1 - cfg.algorithm().epsilonLow() && a[i] < 0;
                boolean isHigh = ratio[i] > 1 + cfg.algorithm().epsilonHigh() && a[i] > 0;
                low += isLow ? 1 : 0;
                high += isHigh ? 1 : 0;
                tokens++;
            }
        }
        double t = Math.max(1, tokens);
        stats[0] = low / t;
        stats[1] = high / t;
        stats[2] = (low + high) / t;
        stats[3] = out[1].mul(mask).sum().getFloat() / t;
        stats[4] = ref == null ? Double.NaN : PolicyLoss.k3(lp, ref, c).mul(mask).sum().getFloat() / t;
        return loss;
    }

    /** Tempered log-prob of each answer token (b, w) and the entropy of its next-token distribution (no gradient). */
    private NDArray[] forward(PackedBatch batch, NDManager m, Scalars c) {
        int p = batch.promptWidth();
        NDArray logits = policy.forward(batch.ids(m), batch.mask(), null);                       // (b, P + w, V)
        NDArray pred = logits.get(new NDIndex(":, {}:{}, :", p - 1, p - 1 + batch.responseWidth()));  // (b, w, V)
        float temperature = cfg.rollout().temperature();
        if (temperature != 1f) {
            pred = pred.div(c.of(temperature));
        }
        NDArray all = pred.logSoftmax(-1);                                                       // (b, w, V)
        NDArray logp = all.gather(batch.responseIds(m).expandDims(-1), -1).squeeze(-1);          // (b, w)
        NDArray detached = all.stopGradient();
        NDArray entropy = detached.exp().mul(detached).sum(new int[] {-1}).neg();                // (b, w)
        return new NDArray[] {logp, entropy};
    }
}
