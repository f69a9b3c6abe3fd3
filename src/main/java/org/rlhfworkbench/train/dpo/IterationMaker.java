package org.rlhfworkbench.train.dpo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.rlhfworkbench.core.config.OnlineDpoConfig;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.lm.nd.NoGrad;
import org.rlhfworkbench.lm.sample.Sample;
import org.rlhfworkbench.lm.sample.Sampler;
import org.rlhfworkbench.lm.sample.SamplingParams;
import org.rlhfworkbench.lm.sample.TokenListener;
import org.rlhfworkbench.lm.score.LogProbs;
import org.rlhfworkbench.train.data.Order;
import org.rlhfworkbench.train.ppo.Scorer;

/** Steps 1-5 of an online DPO round: prompts, K samples each, reward-model scores, pairs, reference log-probs. */
final class IterationMaker {
    private static final int CHUNK = 64;
    private final CausalLm policy;
    private final CausalLm sft;
    private final Scorer scorer;
    private final List<Long> ids;
    private final List<int[]> prompts;
    private final Set<Integer> eos;
    private final OnlineDpoConfig cfg;

    IterationMaker(CausalLm policy, CausalLm sft, Scorer scorer, List<Long> ids, List<int[]> prompts, Set<Integer> eos,
                   OnlineDpoConfig cfg) {
        this.policy = policy;
        this.sft = sft;
        this.scorer = scorer;
        this.ids = ids;
        this.prompts = prompts;
        this.eos = eos;
        this.cfg = cfg;
    }

    OnlineIteration make(int t) {
        NoGrad.enter();
        long seed = cfg.dpo().seed();
        int k = cfg.k();
        // 1. this round's prompts: the next N of a seeded order over the training prompts, continuing into the
        //    next shuffle at its end (so every round has N prompts, not the short remainder of a pass)
        int n = Math.min(cfg.promptsPerIteration(), prompts.size());
        List<Long> roundIds = new ArrayList<>();
        List<int[]> round = new ArrayList<>();
        for (int i : Order.window(prompts.size(), n, seed, (long) t * n)) {
            roundIds.add(ids.get(i));
            round.add(prompts.get(i));
        }
        // 2. K samples per prompt from the current policy (KV cache, one prefill per prompt)
        SamplingParams sp = new SamplingParams(cfg.temperature(), 0, 1f, cfg.maxNewTokens(), seed * 7919 + 1_000_003L * t,
                eos);
        List<List<Sample>> samples = new Sampler(policy).sample(round, k, sp, TokenListener.NONE);
        List<List<int[]>> responses = new ArrayList<>();
        List<int[]> flatPrompts = new ArrayList<>();
        List<int[]> flatResponses = new ArrayList<>();
        double policyLogp = 0;
        for (int i = 0; i < round.size(); i++) {
            List<int[]> row = new ArrayList<>();
            for (Sample s : samples.get(i)) {
                int[] tokens = s.tokens().length == 0 ? new int[] {eos.iterator().next()} : s.tokens();
                row.add(tokens);
                flatPrompts.add(round.get(i));
                flatResponses.add(tokens);
                policyLogp += s.sumLogprob();
            }
            responses.add(row);
        }
        // 3. reward-model scores of all N * K samples
        float[] flat = new float[flatResponses.size()];
        double sftLogp = 0;
        for (int from = 0; from < flat.length; from += CHUNK) {
            int to = Math.min(flat.length, from + CHUNK);
            float[] s = scorer.score(flatPrompts.subList(from, to), flatResponses.subList(from, to));
            System.arraycopy(s, 0, flat, from, s.length);
            for (float[] row : LogProbs.of(sft, flatPrompts.subList(from, to), flatResponses.subList(from, to),
                    cfg.temperature())) {
                for (float x : row) {
                    sftLogp += x;
                }
            }
        }
        List<float[]> scores = new ArrayList<>();
        for (int i = 0; i < round.size(); i++) {
            float[] row = new float[k];
            System.arraycopy(flat, i * k, row, 0, k);
            scores.add(row);
        }
        // 4. one pair per prompt by the choice rule; equal scores give none
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < round.size(); i++) {
            int[] p = choose(scores.get(i), new Random(seed * 31 + 1_000_003L * t + i));
            if (p != null) {
                pairs.add(new int[] {i, p[0], p[1]});
            }
        }
        OnlineIteration data = new OnlineIteration(t, roundIds, round, responses, scores, pairs, null,
                (policyLogp - sftLogp) / flat.length);
        // 5. reference log-probs: the SFT model, or the policy that generated the data (before this round's updates)
        double[][] ref = PairLogps.frozen(cfg.previousReference() ? policy : sft, data.dpoPairs(), 16);
        return new OnlineIteration(t, roundIds, round, responses, scores, pairs, ref, data.klToSft());
    }

    /** {chosen, rejected}: max vs min score, or a random pair ordered by score; null on a tie. */
    int[] choose(float[] s, Random rng) {
        int a;
        int b;
        if (cfg.choice().equals("maxmin")) {
            a = 0;
            b = 0;
            for (int j = 1; j < s.length; j++) {
                a = s[j] > s[a] ? j : a;
                b = s[j] < s[b] ? j : b;
            }
        } else {
            a = rng.nextInt(s.length);
            b = rng.nextInt(s.length - 1);
            b = b >= a ? b + 1 : b;
            if (s[b] > s[a]) {
                int x = a;
                a = b;
                b = x;
            }
        }
        return s[a] == s[b] ? null : new int[] {a, b};
    }
}
