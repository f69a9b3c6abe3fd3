package org.rlhfworkbench.train.ppo;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.rlhfworkbench.core.config.PpoConfig;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.lm.sample.Sample;
import org.rlhfworkbench.lm.sample.Sampler;
import org.rlhfworkbench.lm.sample.SamplingParams;
import org.rlhfworkbench.lm.sample.TokenListener;
import org.rlhfworkbench.core.config.ProbeSample;

/** Fixed probe prompts answered by the policy and the reference model (same seed), with RM scores. */
public final class Probes {
    private final CausalLm policy;
    private final CausalLm reference;
    private final Scorer scorer;
    private final List<int[]> prompts;
    private final Function<int[], String> decode;
    private final Set<Integer> eos;
    private final float temperature;
    private final int maxNewTokens;
    private final long seed;

    Probes(CausalLm policy, CausalLm reference, Scorer scorer, List<int[]> prompts, Function<int[], String> decode,
           Set<Integer> eos, PpoConfig cfg) {
        this(policy, reference, scorer, prompts, decode, eos, cfg.temperature(), cfg.maxNewTokens(), cfg.seed());
    }

    /** Probes for any RL trainer (DPO's too): sampled at {@code temperature}, up to {@code maxNewTokens}. */
    public Probes(CausalLm policy, CausalLm reference, Scorer scorer, List<int[]> prompts, Function<int[], String> decode,
                  Set<Integer> eos, float temperature, int maxNewTokens, long seed) {
        this.policy = policy;
        this.reference = reference;
        this.scorer = scorer;
        this.prompts = prompts;
        this.decode = decode;
        this.eos = eos;
        this.temperature = temperature;
        this.maxNewTokens = maxNewTokens;
        this.seed = seed;
    }

    public List<ProbeSample> sample(long step) {
        if (prompts.isEmpty()) {
            return List.of();
        }
        SamplingParams p = new SamplingParams(temperature, 0, 1f, maxNewTokens, seed, eos);
        List<int[]> pol = tokens(new Sampler(policy).sample(prompts, 1, p, TokenListener.NONE));
        List<int[]> ref = tokens(new Sampler(reference).sample(prompts, 1, p, TokenListener.NONE));
        float[] ps = score(pol);
        float[] rs = score(ref);
        List<ProbeSample> out = new ArrayList<>();
        for (int i = 0; i < prompts.size(); i++) {
            out.add(new ProbeSample(decode.apply(prompts.get(i)), decode.apply(pol.get(i)), ps[i],
                    decode.apply(ref.get(i)), rs[i]));
        }
        return out;
    }

    private float[] score(List<int[]> responses) {
        return scorer.score(prompts, responses);
    }

    private List<int[]> tokens(List<List<Sample>> samples) {
        List<int[]> out = new ArrayList<>();
        for (List<Sample> s : samples) {
            int[] t = s.get(0).tokens();
            out.add(t.length == 0 ? new int[] {eos.iterator().next()} : t);
        }
        return out;
    }
}
