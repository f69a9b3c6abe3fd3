package org.rlhfworkbench.train.ppo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.rlhfworkbench.core.config.PpoConfig;
import org.rlhfworkbench.lm.nd.Scalars;
import org.rlhfworkbench.lm.optim.Trainer;
import org.rlhfworkbench.lm.score.PackedBatch;
import org.rlhfworkbench.train.data.Encoded;
import org.rlhfworkbench.train.data.Order;

/**
 * PPO step 6: ppoEpochs passes over the rollout in minibatches; each minibatch minimises
 *   L = L_policy + 0.5 vf_coef L_value - entropy_coef H
 * in one step when the value head sits on the policy's trunk, or as two steps (policy terms, then
 * 0.5 vf_coef L_value by the critic's own optimiser) with a separate critic ({@link Critic}),
 * and records TRL's statistics (clip fractions, approximate KL, ratio, entropy).
 */
final class PpoUpdate {
    private final PolicyWithValue pv;
    private final Trainer trainer;
    private final PpoConfig cfg;
    private final List<Encoded> ptx;
    private long ptxBatches;

    /** Means over the minibatches of one update. */
    record Stats(double policyLoss, double valueLoss, double clipFrac, double valueClipFrac, double approxKl,
                 double ratio, double entropy, double gradNorm, float lr) {
    }

    PpoUpdate(PolicyWithValue pv, Trainer trainer, PpoConfig cfg, List<Encoded> ptx) {
        this.pv = pv;
        this.trainer = trainer;
        this.cfg = cfg;
        this.ptx = ptx;
    }

    Stats run(Rollout r, long seed) {
        int n = r.size();
        double[] sums = new double[8];
        int count = 0;
        float lr = 0;
        for (int epoch = 0; epoch < cfg.ppoEpochs(); epoch++) {
            List<Integer> order = Order.epoch(n, seed, epoch);
            for (List<Integer> rows : Minibatch.split(order, cfg.miniBatches())) {   // min(miniBatches, n) even parts
                Minibatch mb = Minibatch.of(r, rows, cfg.cliprangeValue());
                double[] stats = new double[7];
                // 6a. the policy's step (with the value head when it sits on the trunk)
                Trainer.StepResult res = trainer.step(1, (m, micro) -> loss(mb, m, stats));
                // 6b. a critic of its own takes its step on the same minibatch
                pv.critic.ownStep(mb.batch(), mb.values(), stats);
                for (int i = 0; i < 7; i++) {
                    sums[i] += stats[i];
                }
                sums[7] += res.gradNorm();
                lr = res.lr();
                count++;
            }
        }
        return new Stats(sums[0] / count, sums[1] / count, sums[2] / count, sums[3] / count, sums[4] / count,
                sums[5] / count, sums[6] / count, sums[7] / count, lr);
    }

    private NDArray loss(Minibatch mb, NDManager m, double[] stats) {
        Scalars c = new Scalars(m);
        Shape shape = new Shape(mb.rows(), mb.width());
        PolicyWithValue.Out out = pv.forward(mb.batch(), m, c, cfg.temperature(), cfg.entropyCoef() > 0);
        NDArray logp = out.logp();                                                           // (b, w)
        NDArray maskNd = m.create(mb.values().mask(), shape);                                // (b, w)
        NDArray oldNd = m.create(mb.oldLogp(), shape);                                       // (b, w)
        NDArray pg = PpoLosses.policy(logp, oldNd, m.create(mb.advantages(), shape), maskNd, cfg.cliprange());
        NDArray entropy = PpoLosses.mean(out.entropy(), maskNd);
        // L = L_policy (+ 0.5 vf_coef L_value on the trunk) (+ gamma_ptx L_ptx) (- entropy_coef H)
        NDArray loss = pv.critic.withValueLoss(pg, out.hidden(), mb.values(), m, c, stats);
        if (cfg.ptxCoef() > 0 && !ptx.isEmpty()) {
            loss = loss.add(ptxLoss(mb.rows(), m).mul(c.of((float) cfg.ptxCoef())));  // PPO-ptx
        }
        if (cfg.entropyCoef() > 0) {
            loss = loss.sub(entropy.mul(c.of((float) cfg.entropyCoef())));
        }
        // statistics (no gradient needed)
        NDArray logRatio = logp.sub(oldNd).stopGradient();                                   // (b, w)
        NDArray ratio = logRatio.exp();                                                      // (b, w)
        stats[0] = pg.getFloat();
        stats[2] = PpoLosses.mean(ratio.sub(1f).abs().gt(cfg.cliprange()).toType(DataType.FLOAT32, false), maskNd)
                .getFloat();
        stats[4] = PpoLosses.mean(logRatio.square(), maskNd).getFloat() / 2;
        stats[5] = PpoLosses.mean(ratio, maskNd).getFloat();
        stats[6] = entropy.getFloat();
        return loss;
    }

    /** Next-token loss on {@code n} demonstrations (response tokens only), drawn in a seeded order. */
    private NDArray ptxLoss(int n, NDManager m) {
        List<Integer> idx = Order.batch(ptx.size(), n, cfg.seed() + 31, ptxBatches++);
        List<int[]> p = new ArrayList<>();
        List<int[]> r = new ArrayList<>();
        for (int i : idx) {
            p.add(ptx.get(i).prompt());
            r.add(ptx.get(i).response());
        }
        PackedBatch batch = new PackedBatch(p, r);
        NDArray lp = org.rlhfworkbench.lm.score.LogProbs.tokenLogProbs(pv.policy, batch, m, null);  // (n, R)
        return lp.sum().neg().div(batch.responseMask(m).sum());
    }
}
