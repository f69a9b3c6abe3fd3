package org.rlhfworkbench.train.ppo;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.rlhfworkbench.core.config.PpoConfig;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.lm.nd.NoGrad;
import org.rlhfworkbench.lm.sample.Sample;
import org.rlhfworkbench.lm.sample.Sampler;
import org.rlhfworkbench.lm.sample.SamplingParams;
import org.rlhfworkbench.lm.sample.TokenListener;
import org.rlhfworkbench.lm.score.LogProbs;
import org.rlhfworkbench.lm.score.PackedBatch;

/** PPO steps 1-5: sample, score, reference log-probs, per-token rewards, values and GAE. */
final class RolloutMaker {
    private final PolicyWithValue pv;
    private final CausalLm reference;
    private final Scorer scorer;
    private final PpoConfig cfg;
    private final Set<Integer> eos;
    final Timings timings;

    RolloutMaker(PolicyWithValue pv, CausalLm reference, Scorer scorer, PpoConfig cfg, Set<Integer> eos,
                 Timings timings) {
        this.pv = pv;
        this.reference = reference;
        this.scorer = scorer;
        this.cfg = cfg;
        this.eos = eos;
        this.timings = timings;
    }

    /** Rollout of k responses to each of {@code distinct} prompts; rows b*k .. b*k+k-1 share a prompt. */
    Rollout make(List<int[]> distinct, int k, long seed, double beta) {
        NoGrad.enter();
        // 1. rollout: sample with the KV cache (k answers share a prefill), keep the sampling log-probs (temperature T)
        long t0 = System.nanoTime();
        SamplingParams sp = new SamplingParams(cfg.temperature(), 0, 1f, cfg.maxNewTokens(), seed, eos);
        List<int[]> prompts = new ArrayList<>();
        List<int[]> responses = new ArrayList<>();
        List<Sample> samples = new ArrayList<>();
        List<List<Sample>> groups = new Sampler(pv.policy).sample(distinct, k, sp, TokenListener.NONE);
        for (int g = 0; g < groups.size(); g++) {
            for (Sample s : groups.get(g)) {
                prompts.add(distinct.get(g));
                samples.add(s);
                responses.add(s.tokens().length == 0 ? new int[] {eos.iterator().next()} : s.tokens());
            }
        }
        int n = prompts.size();
        int width = responses.stream().mapToInt(r -> r.length).max().orElse(1);
        int[] lengths = new int[n];
        float[] oldLogp = new float[n * width];
        boolean[] stopped = new boolean[n];
        for (int b = 0; b < n; b++) {
            lengths[b] = responses.get(b).length;
            stopped[b] = samples.get(b).stopped();
            System.arraycopy(samples.get(b).logprobs(), 0, oldLogp, b * width, samples.get(b).logprobs().length);
        }
        long t1 = timings.add("timing/generate", t0);
        // 2. score: normalised RM score, missing-EOS penalty, clip; minus the leave-one-out mean of
        //    the prompt's other answers when k > 1: s_i - (sum_{j != i} s_j) / (k - 1)
        float[] raw = scorer.score(prompts, responses);
        float[] scores = new float[n];
        for (int b = 0; b < n; b++) {
            double s = raw[b];
            if (!stopped[b]) {
                s -= cfg.missingEosPenalty();
            }
            if (cfg.rewardClip() > 0) {
                s = Math.max(-cfg.rewardClip(), Math.min(cfg.rewardClip(), s));
            }
            scores[b] = (float) s;
        }
        float[] baselined = Baseline.leaveOneOut(scores, k);
        long t2 = timings.add("timing/score", t1);
        // 3. reference log-probs of the frozen SFT model, same temperature
        float[][] ref = LogProbs.of(reference, prompts, responses, cfg.temperature());
        float[] refLogp = new float[n * width];
        for (int b = 0; b < n; b++) {
            System.arraycopy(ref[b], 0, refLogp, b * width, ref[b].length);
        }
        long t3 = timings.add("timing/reference", t2);
        // 4. per-token rewards: -beta * KL estimate on every token, the (baselined) score on the last real one
        KlEstimator est = KlEstimator.parse(cfg.klEstimator());
        float[] rewards = new float[n * width];
        double klSum = 0;
        for (int b = 0; b < n; b++) {
            for (int t = 0; t < lengths[b]; t++) {
                int i = b * width + t;
                double kl = est.estimate(oldLogp[i], refLogp[i]);
                klSum += kl;
                rewards[i] = (float) (-beta * kl);
            }
            rewards[b * width + lengths[b] - 1] += baselined[b];
        }
        // 5. values V(s_t) from the critic (head on the trunk or a model of its own); GAE; whitened advantages
        float[] values = pv.critic.values(new PackedBatch(prompts, responses));                    // (n, width)
        for (int b = 0; b < n; b++) {
            for (int t = lengths[b]; t < width; t++) {
                values[b * width + t] = 0;
            }
        }
        float[][] gae = Gae.compute(rewards, values, lengths, width, cfg.gamma(), cfg.lam());
        Gae.whiten(gae[0], lengths, width);
        timings.add("timing/values", t3);
        return new Rollout(prompts, responses, width, lengths, oldLogp, refLogp, values, rewards, gae[0], gae[1],
                scores, raw, stopped, klSum / n);
    }
}
