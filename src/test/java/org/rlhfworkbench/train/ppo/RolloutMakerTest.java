package org.rlhfworkbench.train.ppo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rlhfworkbench.core.config.PpoConfig;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.lm.nd.NoGrad;
import org.rlhfworkbench.lm.nd.Scalars;
import org.rlhfworkbench.lm.score.LogProbs;
import org.rlhfworkbench.lm.score.PackedBatch;

/**
 * PPO steps 1-5 and the minibatch pieces of step 6, each against a naive per-row reference:
 * every row computed alone (no padding, no batching) and written out as plain loops.
 */
class RolloutMakerTest {
    static final float T = 0.7f;
    static final double BETA = 0.1;
    static final double PENALTY = 0.5;
    static final double CLIP = 1.5;
    static final int K = 4;

    /** Scores in [-2.7, 2.7] from the tokens, so some rows are clipped at 1.5. */
    static final Scorer SCORER = (prompts, responses) -> {
        float[] out = new float[responses.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) ((Arrays.stream(responses.get(i)).sum() + prompts.get(i)[0]) % 7 - 3) * 0.9f;
        }
        return out;
    };

    static PpoConfig cfg(String estimator) {
        return new PpoConfig(1, 12, 2, 1, 1e-3f, T, 6, 0.05, estimator, false, 1.0, 100, 0.2, 0.2, 0.1, 1.0, 0.95,
                0.0, PENALTY, CLIP, 0, 100, 9, 0.0, K, false);
    }

    static float[] row(float[] flat, int b, int width, int len) {
        return Arrays.copyOfRange(flat, b * width, b * width + len);
    }

    @Test
    void rewardsScoresKlAndReturnsMatchAPerRowReference() {
        for (String estimator : List.of("k1", "k3")) {
            PpoConfig c = cfg(estimator);
            KlEstimator est = KlEstimator.parse(estimator);
            try (CausalLm policy = PpoTrainerTest.model(1); CausalLm ref = PpoTrainerTest.model(3)) {
                PolicyWithValue pv = new PolicyWithValue(policy, new TrunkCritic(policy, c.vfCoef()));
                List<int[]> distinct = PpoTrainerTest.prompts().subList(0, 3);
                Rollout r = new RolloutMaker(pv, ref, SCORER, c, Set.of(PpoTrainerTest.EOS), new Timings())
                        .make(distinct, K, 11, BETA);
                int n = r.size();
                int w = r.width();
                assertThat(n).isEqualTo(3 * K);
                // the score each row gets: RM score, minus the penalty without EOS, clipped
                double[] s = new double[n];
                boolean anyClipped = false;
                boolean anyPenalised = false;
                for (int b = 0; b < n; b++) {
                    int[] resp = r.responses().get(b);
                    assertThat(r.prompts().get(b)).isSameAs(distinct.get(b / K));
                    boolean stopped = resp[resp.length - 1] == PpoTrainerTest.EOS;
                    assertThat(r.stopped()[b]).isEqualTo(stopped);
                    double raw = SCORER.score(List.of(r.prompts().get(b)), List.of(resp))[0];
                    double pen = stopped ? raw : raw - PENALTY;
                    s[b] = Math.max(-CLIP, Math.min(CLIP, pen));
                    anyClipped |= s[b] != pen;
                    anyPenalised |= !stopped;
                    assertThat(r.scores()[b]).isCloseTo((float) s[b], within(1e-6f));
                }
                assertThat(anyClipped && anyPenalised).as("the fixture exercises clip and penalty").isTrue();
                double klTotal = 0;
                for (int b = 0; b < n; b++) {
                    int len = r.lengths()[b];
                    int[] resp = r.responses().get(b);
                    assertThat(len).isEqualTo(resp.length);
                    // old and reference log-probs: each row scored alone at temperature T
                    float[] old = LogProbs.of(policy, List.of(r.prompts().get(b)), List.of(resp), T)[0];
                    float[] refLp = LogProbs.of(ref, List.of(r.prompts().get(b)), List.of(resp), T)[0];
                    double others = 0;
                    int g = b / K * K;
                    for (int j = g; j < g + K; j++) {
                        if (j != b) {
                            others += s[j];
                        }
                    }
                    double baselined = s[b] - others / (K - 1);
                    for (int t = 0; t < w; t++) {
                        int i = b * w + t;
                        if (t >= len) {
                            assertThat(r.rewards()[i]).isZero();
                            assertThat(r.oldValues()[i]).isZero();
                            continue;
                        }
                        assertThat(r.oldLogp()[i]).as("old logp %d %d", b, t).isCloseTo(old[t], within(1e-4f));
                        assertThat(r.refLogp()[i]).as("ref logp %d %d", b, t).isCloseTo(refLp[t], within(1e-4f));
                        double kl = est.estimate(r.oldLogp()[i], r.refLogp()[i]);
                        klTotal += kl;
                        double want = -BETA * kl + (t == len - 1 ? baselined : 0);
                        assertThat(r.rewards()[i]).as("reward %d %d", b, t).isCloseTo((float) want, within(1e-5f));
                    }
                    // values: the trunk head on this row alone; returns: the closed-form GAE sum plus V
                    float[] v = pv.critic.values(new PackedBatch(List.of(r.prompts().get(b)), List.of(resp)));
                    float[] rb = row(r.rewards(), b, w, len);
                    for (int t = 0; t < len; t++) {
                        assertThat(r.oldValues()[b * w + t]).isCloseTo(v[t], within(1e-4f));
                        double ret = PpoNumericsTest.naiveAdvantage(rb, row(r.oldValues(), b, w, len), len, t,
                                c.gamma(), c.lam()) + r.oldValues()[b * w + t];
                        assertThat(r.returns()[b * w + t]).isCloseTo((float) ret, within(1e-4f));
                    }
                }
                assertThat(r.klPerResponse()).isCloseTo(klTotal / n, within(1e-6));
            }
        }
    }

    @Test
    void aMinibatchHoldsItsRowsRepackedToTheirOwnWidth() {
        PpoConfig c = cfg("k1");
        try (CausalLm policy = PpoTrainerTest.model(1); CausalLm ref = PpoTrainerTest.model(3)) {
            PolicyWithValue pv = new PolicyWithValue(policy, new TrunkCritic(policy, c.vfCoef()));
            Rollout r = new RolloutMaker(pv, ref, SCORER, c, Set.of(PpoTrainerTest.EOS), new Timings())
                    .make(PpoTrainerTest.prompts().subList(0, 3), K, 11, BETA);
            List<Integer> idx = List.of(7, 2, 10, 5);
            double cv = 0.2;
            Minibatch mb = Minibatch.of(r, idx, cv);
            int w = Arrays.stream(new int[] {7, 2, 10, 5}).map(i -> r.lengths()[i]).max().orElseThrow();
            assertThat(mb.rows()).isEqualTo(4);
            assertThat(mb.width()).isEqualTo(w);
            ValueTargets vt = mb.values();
            for (int i = 0; i < idx.size(); i++) {
                int src = idx.get(i);
                int len = r.lengths()[src];
                int rw = r.width();
                for (int t = 0; t < w; t++) {
                    int to = i * w + t;
                    boolean real = t < len;
                    assertThat(vt.mask()[to]).isEqualTo(real ? 1f : 0f);
                    if (real) {
                        assertThat(mb.oldLogp()[to]).isEqualTo(r.oldLogp()[src * rw + t]);
                        assertThat(mb.advantages()[to]).isEqualTo(r.advantages()[src * rw + t]);
                        assertThat(vt.returns()[to]).isEqualTo(r.returns()[src * rw + t]);
                        assertThat(vt.vLow()[to]).isCloseTo((float) (r.oldValues()[src * rw + t] - cv), within(1e-7f));
                        assertThat(vt.vHigh()[to]).isCloseTo((float) (r.oldValues()[src * rw + t] + cv), within(1e-7f));
                    }
                }
            }
            PackedBatch single = new PackedBatch(List.of(r.prompts().get(10)), List.of(r.responses().get(10)));
            assertThat(mb.batch().rows()).isEqualTo(4);
            assertThat(mb.batch().responseWidth()).isEqualTo(w);
            assertThat(single.responseWidth()).isEqualTo(r.lengths()[10]);
        }
    }

    @Test
    void theValueLossAndItsClipFractionMatchALoop() {
        Random rng = new Random(4);
        int b = 3;
        int w = 5;
        float[] v = new float[b * w];
        float[] old = new float[b * w];
        float[] ret = new float[b * w];
        float[] low = new float[b * w];
        float[] high = new float[b * w];
        float[] mask = new float[b * w];
        int[] lengths = {5, 2, 4};
        double c = 0.2;
        for (int i = 0; i < b * w; i++) {
            v[i] = (float) rng.nextGaussian();
            old[i] = (float) (v[i] + rng.nextGaussian() * 0.3);
            ret[i] = (float) rng.nextGaussian();
            low[i] = (float) (old[i] - c);
            high[i] = (float) (old[i] + c);
            mask[i] = i % w < lengths[i / w] ? 1 : 0;
        }
        double sum = 0;
        int count = 0;
        int clipped = 0;
        for (int row = 0; row < b; row++) {
            for (int t = 0; t < lengths[row]; t++) {
                int i = row * w + t;
                double vc = Math.min(Math.max(v[i], old[i] - c), old[i] + c);
                sum += Math.max(Math.pow(v[i] - ret[i], 2), Math.pow(vc - ret[i], 2));
                clipped += vc != v[i] ? 1 : 0;
                count++;
            }
        }
        assertThat(clipped).as("some values clipped, some not").isBetween(1, count - 1);
        double[] stats = new double[7];
        try (NDManager m = NDManager.newBaseManager()) {
            float got = new ValueTargets(b, w, low, high, ret, mask).loss(m.create(v, new Shape(b, w)), m, stats)
                    .getFloat();
            assertThat(got).isCloseTo((float) (sum / count), within(1e-5f));
            assertThat(stats[1]).isCloseTo(sum / count, within(1e-5));
            assertThat(stats[3]).isCloseTo((double) clipped / count, within(1e-6));
        }
    }

    /** H = -sum_v p_v log p_v of softmax(logits / T), each row's logits computed alone and summed in a loop. */
    @Test
    void theTrainingForwardsEntropyAndLogProbsMatchAPerRowLoop() {
        List<int[]> prompts = List.of(new int[] {3, 4, 2}, new int[] {7, 2}, new int[] {9, 11, 12, 2});
        List<int[]> responses = List.of(new int[] {5, 6, 7}, new int[] {8}, new int[] {10, 10, 13, 14, 15});
        try (CausalLm policy = PpoTrainerTest.model(1); NDManager m = policy.manager().newSubManager();
             NDScope scope = new NDScope()) {
            NoGrad.enter();
            PolicyWithValue pv = new PolicyWithValue(policy, new TrunkCritic(policy, 0.1));
            PackedBatch batch = new PackedBatch(prompts, responses);
            PolicyWithValue.Out out = pv.forward(batch, m, new Scalars(m), T, false);
            float[] h = out.entropy().toFloatArray();                                      // (3, 5)
            // the entropy off the graph (entropy_coef 0) is the same number as on it
            assertThat(pv.forward(batch, m, new Scalars(m), T, true).entropy().toFloatArray()).containsExactly(h);
            float[] lp = out.logp().toFloatArray();                                        // (3, 5)
            int w = batch.responseWidth();
            for (int b = 0; b < prompts.size(); b++) {
                PackedBatch one = new PackedBatch(List.of(prompts.get(b)), List.of(responses.get(b)));
                NDArray logits = policy.forward(one.ids(m), one.mask(), null);           // (1, P + R, V)
                int p = prompts.get(b).length;
                int vocab = (int) logits.getShape().get(2);
                float[] all = logits.toFloatArray();
                for (int t = 0; t < responses.get(b).length; t++) {
                    int pos = p - 1 + t;
                    double max = Double.NEGATIVE_INFINITY;
                    for (int v = 0; v < vocab; v++) {
                        max = Math.max(max, all[pos * vocab + v] / T);
                    }
                    double z = 0;
                    for (int v = 0; v < vocab; v++) {
                        z += Math.exp(all[pos * vocab + v] / T - max);
                    }
                    double lse = max + Math.log(z);
                    double entropy = 0;
                    for (int v = 0; v < vocab; v++) {
                        double logq = all[pos * vocab + v] / T - lse;
                        entropy -= Math.exp(logq) * logq;
                    }
                    double want = all[pos * vocab + responses.get(b)[t]] / T - lse;
                    assertThat(h[b * w + t]).as("entropy %d %d", b, t).isCloseTo((float) entropy, within(1e-4f));
                    assertThat(lp[b * w + t]).as("logp %d %d", b, t).isCloseTo((float) want, within(1e-4f));
                }
            }
        }
    }
}
