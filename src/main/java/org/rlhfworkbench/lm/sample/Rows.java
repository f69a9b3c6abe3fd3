package org.rlhfworkbench.lm.sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Bookkeeping for the sampler: which samples are still in the batch and what each has produced. */
final class Rows {
    private final int prompts;
    private final int k;
    private final SamplingParams p;
    private final SplittableRandom[] rng;
    private final int[][] tokens;
    private final float[][] logprobs;
    private final int[] length;
    private final boolean[] stopped;
    private final boolean[] finished;
    private int[] live;  // global row ids in batch order; row g is sample g % k of prompt g / k

    Rows(int prompts, int k, SamplingParams p) {
        this.prompts = prompts;
        this.k = k;
        this.p = p;
        int n = prompts * k;
        rng = new SplittableRandom[n];
        tokens = new int[n][p.maxNewTokens()];
        logprobs = new float[n][p.maxNewTokens()];
        length = new int[n];
        stopped = new boolean[n];
        finished = new boolean[n];
        live = new int[n];
        for (int g = 0; g < n; g++) {
            rng[g] = new SplittableRandom(p.seed() * 0x9E3779B97F4A7C15L + g);
            live[g] = g;
        }
    }

    /** Batch index of the prompt each row starts from, after the prefill of P rows. */
    int[] expandIndex() {
        int[] idx = new int[prompts * k];
        for (int g = 0; g < idx.length; g++) {
            idx[g] = g / k;
        }
        return idx;
    }

    /** Chooses one token per live row from its log-probs (row-major, vocab wide). */
    int[] choose(Dist d, int vocab, TokenListener listener) {
        float[] logp = d.logp();
        int[] next = new int[live.length];
        for (int i = 0; i < live.length; i++) {
            int g = live[i];
            int tok = TokenChooser.choose(d, i * vocab, vocab, p, rng[g]);
            tokens[g][length[g]] = tok;
            logprobs[g][length[g]] = logp[i * vocab + tok];
            length[g]++;
            next[i] = tok;
            listener.onToken(g / k, g % k, tok);
            if (p.stopIds().contains(tok)) {
                stopped[g] = true;
                finished[g] = true;
            } else if (length[g] == p.maxNewTokens()) {
                finished[g] = true;
            }
        }
        return next;
    }

    /** Positions, in the current batch, of rows that go on. */
    int[] unfinishedPositions() {
        return java.util.stream.IntStream.range(0, live.length).filter(i -> !finished[live[i]]).toArray();
    }

    /** Drops finished rows from the batch order (after the cache dropped them too). */
    void compact() {
        live = Arrays.stream(live).filter(g -> !finished[g]).toArray();
    }

    List<List<Sample>> results() {
        List<List<Sample>> out = new ArrayList<>();
        for (int pr = 0; pr < prompts; pr++) {
            List<Sample> samples = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                int g = pr * k + j;
                samples.add(new Sample(pr, j, Arrays.copyOf(tokens[g], length[g]),
                        Arrays.copyOf(logprobs[g], length[g]), stopped[g]));
            }
            out.add(samples);
        }
        return out;
    }
}
