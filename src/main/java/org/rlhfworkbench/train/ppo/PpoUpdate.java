package org.rlhfworkbench.train.ppo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.rlhfworkbench.lm.nd.Scalars;
import org.rlhfworkbench.lm.optim.Trainer;
import org.rlhfworkbench.lm.score.PackedBatch;
import org.rlhfworkbench.train.data.Encoded;
import org.rlhfworkbench.train.data.Order;

/**
 * PPO step 6: ppoEpochs passes over the rollout in minibatches; each minibatch minimises
 *   L = L_policy + 0.5 vf_coef L_value - entropy_coef H
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
        int per = Math.max(1, n / cfg.miniBatches());
        double[] sums = new double[8];
        int count = 0;
        float lr = 0;
        for (int epoch = 0; epoch < cfg.ppoEpochs(); epoch++) {
            List<Integer> order = Order.epoch(n, seed, epoch);
            for (int start = 0; start < n; start += per) {
                List<Integer> idx = order.subList(start, Math.min(n, start + per));
                double[] stats = new double[7];
                Trainer.StepResult res = trainer.step(1, (m, micro) -> loss(r, idx, m, stats));
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

    private NDArray loss(Rollout r, List<Integer> idx, NDManager m, double[] stats) {
        int rw = r.width();
        int b = idx.size();
        List<int[]> prompts = new ArrayList<>();
        List<int[]> responses = new ArrayList<>();
        int w = 1;
        for (int src : idx) {
            prompts.add(r.prompts().get(src));
            responses.add(r.responses().get(src));
            w = Math.max(w, r.lengths()[src]);
        }
        float[] oldLogp = new float[b * w];
        float[] adv = new float[b * w];
        float[] ret = new float[b * w];
        float[] vLow = new float[b * w];
        float[] vHigh = new float[b * w];
        float[] mask = new float[b * w];
        for (int i = 0; i < b; i++) {
            int src = idx.get(i);
            for (int t = 0; t < w; t++) {
                int from = src * rw + t;
                int to = i * w + t;
                oldLogp[to] = r.oldLogp()[from];
                adv[to] = r.advantages()[from];
                ret[to] = r.returns()[from];
                vLow[to] = (float) (r.oldValues()[from] - cfg.cliprangeValue());
                vHigh[to] = (float) (r.oldValues()[from] + cfg.cliprangeValue());
                mask[to] = t < r.lengths()[src] ? 1f : 0f;
            }
        }
        Scalars c = new Scalars(m);
        Shape shape = new Shape(b, w);
        PolicyWithValue.Out out = pv.forward(new PackedBatch(prompts, responses), m, c, cfg.temperature());
        NDArray logp = out.logp();                                                           // (b, w)
        NDArray values = out.values();
        NDArray maskNd = m.create(mask, shape);
        NDArray oldNd = m.create(oldLogp, shape);
        NDArray pg = PpoLosses.policy(logp, oldNd, m.create(adv, shape), maskNd, cfg.cliprange());
        NDArray vf = PpoLosses.value(values, m.create(vLow, shape), m.create(vHigh, shape), m.create(ret, shape), maskNd);
        NDArray entropy = PpoLosses.mean(out.entropy(), maskNd);
        NDArray loss = pg.add(vf.mul(c.of((float) (0.5 * cfg.vfCoef()))));
        if (cfg.ptxCoef() > 0 && !ptx.isEmpty()) {
            loss = loss.add(ptxLoss(b, m).mul(c.of((float) cfg.ptxCoef())));  // PPO-ptx
        }
        if (cfg.entropyCoef() > 0) {
            loss = loss.sub(entropy.mul(c.of((float) cfg.entropyCoef())));
        }
        // statistics (no gradient needed)
        NDArray logRatio = logp.sub(oldNd).stopGradient();
        NDArray ratio = logRatio.exp();
        stats[0] = pg.getFloat();
        stats[1] = vf.getFloat();
        stats[2] = PpoLosses.mean(ratio.sub(1f).abs().gt(cfg.cliprange()).toType(ai.djl.ndarray.types.DataType.FLOAT32,
                false), maskNd).getFloat();
        NDArray v = values.stopGradient();
        NDArray clippedV = v.maximum(m.create(vLow, shape)).minimum(m.create(vHigh, shape));
        stats[3] = PpoLosses.mean(clippedV.neq(v).toType(ai.djl.ndarray.types.DataType.FLOAT32, false), maskNd)
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
