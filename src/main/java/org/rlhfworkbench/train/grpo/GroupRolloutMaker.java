package org.rlhfworkbench.train.grpo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.rlhfworkbench.core.config.GrpoConfig;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.lm.nd.NoGrad;
import org.rlhfworkbench.lm.sample.Sample;
import org.rlhfworkbench.lm.sample.Sampler;
import org.rlhfworkbench.lm.sample.SamplingParams;
import org.rlhfworkbench.lm.sample.TokenListener;
import org.rlhfworkbench.lm.score.LogProbs;
import org.rlhfworkbench.train.ppo.KlEstimator;
import org.rlhfworkbench.train.rewards.Episode;
import org.rlhfworkbench.train.rewards.EpisodePrompt;
import org.rlhfworkbench.train.rewards.RewardMix;

/** GRPO steps 1-5: sample K answers per prompt, score them by the reward sources, reference log-probs, advantages. */
final class GroupRolloutMaker {
    static final String OVERLONG = "overlong";
    private final CausalLm policy;
    private final CausalLm reference;
    private final RewardMix rewards;
    private final GrpoConfig cfg;
    private final AdvantageEstimator estimator;
    private final Function<int[], String> decode;
    private final Set<Integer> eos;
    private final GrpoTimings timings;

    GroupRolloutMaker(CausalLm policy, CausalLm reference, RewardMix rewards, GrpoConfig cfg,
                      Function<int[], String> decode, Set<Integer> eos, GrpoTimings timings) {
        this.policy = policy;
        this.reference = reference;
        this.rewards = rewards;
        this.cfg = cfg;
        this.estimator = AdvantageEstimator.parse(cfg.algorithm().estimator());
        if (estimator.needsCritic()) {
            throw new IllegalArgumentException("estimator " + cfg.algorithm().estimator() + " needs a critic;"
                    + " GRPO runs without one (use rlhf ppo for GAE)");
        }
        this.decode = decode;
        this.eos = eos;
        this.timings = timings;
    }

    GroupRollout make(List<EpisodePrompt> distinct, long seed) {
        NoGrad.enter();
        GrpoConfig.Rollout ro = cfg.rollout();
        GrpoConfig.Algorithm al = cfg.algorithm();
        int k = ro.group();
        // 1. sample k answers per prompt with the KV cache; keep the sampling log-probs (temperature T)
        long t0 = System.nanoTime();
        SamplingParams sp = new SamplingParams(ro.temperature(), 0, 1f, ro.maxNewTokens(), seed, eos);
        List<int[]> ids = distinct.stream().map(EpisodePrompt::ids).toList();
        List<List<Sample>> groups = new Sampler(policy).sample(ids, k, sp, TokenListener.NONE);
        List<int[]> prompts = new ArrayList<>();
        List<int[]> responses = new ArrayList<>();
        List<Episode> episodes = new ArrayList<>();
        List<Sample> samples = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            for (Sample s : groups.get(g)) {
                int[] tokens = s.tokens().length == 0 ? new int[] {eos.iterator().next()} : s.tokens();
                prompts.add(distinct.get(g).ids());
                responses.add(tokens);
                samples.add(s);
                episodes.add(new Episode(distinct.get(g), decode.apply(s.tokens()), s.tokens(), s.stopped()));
            }
        }
        int n = prompts.size();
        int width = responses.stream().mapToInt(r -> r.length).max().orElse(1);
        int[] lengths = new int[n];
        boolean[] stopped = new boolean[n];
        float[] oldLogp = new float[n * width];
        for (int b = 0; b < n; b++) {
            lengths[b] = responses.get(b).length;
            stopped[b] = samples.get(b).stopped();
            float[] lp = samples.get(b).logprobs();
            System.arraycopy(lp, 0, oldLogp, b * width, lp.length);
        }
        long t1 = timings.add("timing/generate", t0);
        // 2. rewards: each source normalised on its own, weighted sum; plus DAPO's soft overlong penalty
        RewardMix.Scores scores = rewards.score(episodes);
        double[] reward = scores.reward().clone();
        double[] reported = scores.reported().clone();
        Map<String, double[]> bySource = new LinkedHashMap<>(scores.bySource());
        if (al.overlongBuffer() > 0) {
            double[] over = new double[n];
            for (int b = 0; b < n; b++) {
                over[b] = OverlongPenalty.of(samples.get(b).tokens().length, ro.maxNewTokens(), al.overlongBuffer(),
                        al.overlongPenalty());
                reward[b] += over[b];
                reported[b] += over[b];
            }
            bySource.put(OVERLONG, over);
        }
        long t2 = timings.add("timing/score", t1);
        // 3. reference log-probs (none when beta is 0: no reference model is loaded)
        float[] refLogp = null;
        if (reference != null && al.beta() > 0) {
            float[][] ref = LogProbs.of(reference, prompts, responses, ro.temperature());
            refLogp = new float[n * width];
            for (int b = 0; b < n; b++) {
                System.arraycopy(ref[b], 0, refLogp, b * width, ref[b].length);
            }
        }
        long t3 = timings.add("timing/reference", t2);
        // 4. KL in the reward (PPO style): -beta * k1 on every token; with klInLoss it goes into the loss instead
        float[] tokenRewards = null;
        if (refLogp != null && !al.klInLoss()) {
            tokenRewards = new float[n * width];
            for (int b = 0; b < n; b++) {
                for (int t = 0; t < lengths[b]; t++) {
                    int i = b * width + t;
                    tokenRewards[i] = (float) (-al.beta() * KlEstimator.K1.estimate(oldLogp[i], refLogp[i]));
                }
            }
        }
        // 5. advantages; groups whose k rewards are all equal carry no signal (dynamic sampling drops them)
        float[] adv = estimator.advantages(new AdvantageInput(reward, k, tokenRewards, null, lengths, width, 1.0, 1.0));
        boolean[] keep = new boolean[n];
        int zeroStd = 0;
        for (int g = 0; g < n; g += k) {
            boolean flat = allEqual(reward, g, k);
            zeroStd += flat ? 1 : 0;
            for (int b = g; b < g + k; b++) {
                keep[b] = !(al.dynamicSampling() && flat);
            }
        }
        float[] lossMask = new float[n * width];
        for (int b = 0; b < n; b++) {
            boolean masked = al.maskTruncated() && !stopped[b];
            for (int t = 0; t < lengths[b]; t++) {
                lossMask[b * width + t] = masked ? 0f : 1f;
            }
        }
        timings.add("timing/advantages", t3);
        return new GroupRollout(prompts, responses, width, lengths, oldLogp, refLogp, adv, lossMask, stopped, keep,
                reported, bySource, (double) zeroStd / (n / k), k);
    }

    private static boolean allEqual(double[] x, int from, int k) {
        for (int i = from + 1; i < from + k; i++) {
            if (Math.abs(x[i] - x[from]) > 1e-6) {
                return false;
            }
        }
        return true;
    }
}
