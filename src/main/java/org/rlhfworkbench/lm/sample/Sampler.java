package org.rlhfworkbench.lm.sample;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.rlhfworkbench.lm.model.AttentionMask;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.lm.model.KvCache;
import org.rlhfworkbench.lm.nd.DecodeThreads;
import org.rlhfworkbench.lm.nd.NoGrad;
import org.rlhfworkbench.lm.nd.Scalars;

/**
 * Batched sampling with a KV cache. The prompts are left-padded and prefilled once; each
 * prompt's cache is then repeated K times, so K samples share one prefill. Every step feeds one
 * token per live row; rows that hit a stop token leave the batch (they stop costing compute).
 * Each sample has its own random stream (seed, prompt, index), so results do not depend on
 * batch composition.
 */
public final class Sampler {
    private final CausalLm model;

    public Sampler(CausalLm model) {
        this.model = model;
    }

    /** K samples for each prompt, as {@code result.get(prompt).get(k)}. */
    public List<List<Sample>> sample(List<int[]> prompts, int k, SamplingParams p, TokenListener listener) {
        NoGrad.enter();
        Rows rows = new Rows(prompts.size(), k, p);
        try (NDManager m = model.manager().newSubManager()) {
            Scalars scalars = new Scalars(m);  // freed with this call, not kept in the model's manager
            AttentionMask mask = leftPadMask(prompts);
            int width = mask.length();
            int capacity = width + p.maxNewTokens();
            if (capacity > model.shape().maxPositions()) {
                throw new IllegalArgumentException("prompt (" + width + " tokens) + max new tokens (" + p.maxNewTokens()
                        + ") exceed the model's " + model.shape().maxPositions() + " positions");
            }
            try (KvCache cache = model.newCache(prompts.size(), capacity)) {
                Dist logp;
                try (NDScope scope = new NDScope()) {
                    // 1. prefill all prompts once; only the last position's logits are needed
                    NDArray ids = m.create(leftPadIds(prompts, width), new Shape(prompts.size(), width));
                    NDArray h = model.hidden(ids, mask, cache).get(new NDIndex(":, -1:, :"));   // (P, 1, E)
                    logp = tempered(model.logits(h).squeeze(1), p, scalars);                              // (P, V) -> Java
                }
                // 2. share the prefill: row r of the batch is sample r % k of prompt r / k
                int[] expand = rows.expandIndex();
                cache.selectRows(expand);
                mask = mask.select(expand);
                logp = logp.repeatRows(expand, model.shape().vocab());
                // 3. decode: choose, stream, drop finished rows, feed the next token
                try (DecodeThreads single = DecodeThreads.enter()) {
                    for (int step = 0; step < p.maxNewTokens(); step++) {
                        int[] next = rows.choose(logp, model.shape().vocab(), listener);
                        int[] keep = rows.unfinishedPositions();
                        if (keep.length == 0 || step == p.maxNewTokens() - 1) {
                            break;
                        }
                        if (keep.length < next.length) {
                            int[] kept = new int[keep.length];
                            for (int i = 0; i < keep.length; i++) {
                                kept[i] = next[keep[i]];
                            }
                            next = kept;
                            cache.selectRows(keep);
                            mask = mask.select(keep);
                        }
                        rows.compact();
                        mask = mask.extend(1, allTrue(next.length));
                        try (NDScope scope = new NDScope()) {
                            NDArray ids = m.create(toLongs(next), new Shape(next.length, 1));
                            logp = tempered(model.forward(ids, mask, cache).squeeze(1), p, scalars);          // (A, V)
                        }
                    }
                }
            }
        }
        return rows.results();
    }

    /** log softmax(logits / T) and its exp, as Java arrays (T = 1 for greedy). */
    private static Dist tempered(NDArray logits, SamplingParams p, Scalars scalars) {
        float t = p.temperature() == 0f ? 1f : p.temperature();
        NDArray scaled = t == 1f ? logits : logits.div(scalars.of(t));
        NDArray logp = scaled.logSoftmax(-1);
        return new Dist(logp.toFloatArray(), logp.exp().toFloatArray());
    }

    static AttentionMask leftPadMask(List<int[]> prompts) {
        int width = prompts.stream().mapToInt(a -> a.length).max().orElse(0);
        boolean[][] valid = new boolean[prompts.size()][width];
        for (int b = 0; b < prompts.size(); b++) {
            int pad = width - prompts.get(b).length;
            for (int j = pad; j < width; j++) {
                valid[b][j] = true;
            }
        }
        return new AttentionMask(valid);
    }

    private static long[] leftPadIds(List<int[]> prompts, int width) {
        long[] ids = new long[prompts.size() * width];
        for (int b = 0; b < prompts.size(); b++) {
            int[] pr = prompts.get(b);
            for (int j = 0; j < pr.length; j++) {
                ids[b * width + width - pr.length + j] = pr[j];
            }
        }
        return ids;
    }

    private static boolean[] allTrue(int n) {
        boolean[] b = new boolean[n];
        java.util.Arrays.fill(b, true);
        return b;
    }

    private static long[] toLongs(int[] a) {
        long[] out = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i];
        }
        return out;
    }
}
