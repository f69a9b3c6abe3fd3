package org.rlhfworkbench.lm.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.lm.model.TinyModels;
import org.rlhfworkbench.lm.score.LogProbs;

class SamplerTest {
    static CausalLm model;
    static final List<int[]> PROMPTS = List.of(new int[] {5, 9, 2, 33, 7}, new int[] {11, 3});

    @BeforeAll
    static void load() {
        model = TinyModels.llama(3);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    static SamplingParams params(float t, int maxNew, long seed) {
        return new SamplingParams(t, 0, 1f, maxNew, seed, Set.of());
    }

    @Test
    void sequenceLogProbEqualsTheSumOfSamplingLogProbs() {
        for (float t : new float[] {1f, 0.7f}) {
            List<List<Sample>> out = new Sampler(model).sample(PROMPTS, 3, params(t, 12, 42), TokenListener.NONE);
            List<int[]> prompts = new ArrayList<>();
            List<int[]> responses = new ArrayList<>();
            List<Sample> flat = new ArrayList<>();
            for (List<Sample> perPrompt : out) {
                for (Sample s : perPrompt) {
                    prompts.add(PROMPTS.get(s.prompt()));
                    responses.add(s.tokens());
                    flat.add(s);
                }
            }
            float[][] scored = LogProbs.of(model, prompts, responses, t);
            for (int i = 0; i < flat.size(); i++) {
                assertThat(scored[i]).containsExactly(flat.get(i).logprobs(), within(2e-5f));
            }
        }
    }

    @Test
    void sameSeedSameSamplesAndAnotherSeedOthers() {
        List<List<Sample>> both = new Sampler(model).sample(PROMPTS, 2, params(1f, 10, 7), TokenListener.NONE);
        List<List<Sample>> again = new Sampler(model).sample(PROMPTS, 2, params(1f, 10, 7), TokenListener.NONE);
        for (int p = 0; p < 2; p++) {
            for (int k = 0; k < 2; k++) {
                assertThat(again.get(p).get(k).tokens()).containsExactly(both.get(p).get(k).tokens());
            }
        }
        List<List<Sample>> other = new Sampler(model).sample(PROMPTS, 2, params(1f, 10, 8), TokenListener.NONE);
        assertThat(other.get(0).get(0).tokens()).isNotEqualTo(both.get(0).get(0).tokens());
    }

    @Test
    void aSequenceStopsAtItsStopTokenAndTheOthersGoOn() {
        List<List<Sample>> free = new Sampler(model).sample(PROMPTS, 4, params(1f, 16, 3), TokenListener.NONE);
        int stop = free.get(0).get(0).tokens()[2];  // make the first sample's third token a stop token
        SamplingParams p = new SamplingParams(1f, 0, 1f, 16, 3, Set.of(stop));
        List<Integer> streamed = new ArrayList<>();
        List<List<Sample>> out = new Sampler(model).sample(PROMPTS, 4, p,
                (prompt, index, token) -> {
                    if (prompt == 0 && index == 0) {
                        streamed.add(token);
                    }
                });
        Sample first = out.get(0).get(0);
        assertThat(first.stopped()).isTrue();
        assertThat(first.tokens()).hasSize(3).endsWith(stop);
        assertThat(streamed).containsExactly(first.tokens()[0], first.tokens()[1], first.tokens()[2]);
        for (List<Sample> perPrompt : out) {
            for (Sample s : perPrompt) {
                int at = indexOf(s.tokens(), stop);
                assertThat(s.stopped() ? at == s.tokens().length - 1 : at < 0 && s.tokens().length == 16).isTrue();
            }
        }
        // rows dropped from the batch kept the remaining rows' samples unchanged
        for (int pr = 0; pr < 2; pr++) {
            for (int k = 0; k < 4; k++) {
                int[] a = out.get(pr).get(k).tokens();
                int[] b = free.get(pr).get(k).tokens();
                assertThat(a).containsExactly(java.util.Arrays.copyOf(b, a.length));
            }
        }
    }

    @Test
    void greedyPicksTheArgmaxAndTopKOneIsGreedy() {
        List<List<Sample>> greedy = new Sampler(model).sample(PROMPTS, 1, params(0f, 8, 1), TokenListener.NONE);
        SamplingParams topOne = new SamplingParams(1.3f, 1, 1f, 8, 99, Set.of());
        List<List<Sample>> k1 = new Sampler(model).sample(PROMPTS, 1, topOne, TokenListener.NONE);
        assertThat(k1.get(0).get(0).tokens()).containsExactly(greedy.get(0).get(0).tokens());
        SamplingParams tinyP = new SamplingParams(1f, 0, 1e-6f, 8, 5, Set.of());
        List<List<Sample>> p0 = new Sampler(model).sample(PROMPTS, 1, tinyP, TokenListener.NONE);
        assertThat(p0.get(1).get(0).tokens()).containsExactly(greedy.get(1).get(0).tokens());
    }

    static int indexOf(int[] a, int x) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == x) {
                return i;
            }
        }
        return -1;
    }
}
