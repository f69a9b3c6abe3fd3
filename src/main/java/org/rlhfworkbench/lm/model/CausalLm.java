package org.rlhfworkbench.lm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.rlhfworkbench.lm.nd.Scalars;

/**
 * A decoder-only language model: token ids in, hidden states and next-token logits out, with an
 * optional KV cache for incremental decoding. Implementations follow Hugging Face's definitions
 * exactly, so HF checkpoints load and give the same numbers.
 */
public abstract class CausalLm implements AutoCloseable {
    protected final Weights w;
    protected final Scalars c;

    protected CausalLm(Weights weights) {
        this.w = weights;
        this.c = new Scalars(weights.manager());
    }

    public Weights weights() {
        return w;
    }

    public NDManager manager() {
        return w.manager();
    }

    public abstract ModelShape shape();

    /**
     * Final hidden states of the new tokens. ids (B, T) int64; mask covers the cached past and
     * the T new tokens (B, past + T); cache is null for a plain forward. Returns (B, T, E).
     */
    public abstract NDArray hidden(NDArray ids, AttentionMask mask, KvCache cache);

    /** Next-token logits from hidden states: (B, T, E) -> (B, T, V). */
    public abstract NDArray logits(NDArray hidden);

    /** logits(hidden(...)) in one call. */
    public NDArray forward(NDArray ids, AttentionMask mask, KvCache cache) {
        return logits(hidden(ids, mask, cache));
    }

    /** An empty cache for {@code batch} rows and up to {@code capacity} positions. */
    public KvCache newCache(int batch, int capacity) {
        ModelShape s = shape();
        return new KvCache(manager(), s.layers(), batch, s.kvHeads(), capacity, s.headDim());
    }

    @Override
    public void close() {
        w.close();
    }
}
