package org.rlhfworkbench.lm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Map;
import org.rlhfworkbench.lm.nd.Scalars;

/**
 * A decoder-only language model: token ids in, hidden states and next-token logits out, with an
 * optional KV cache for incremental decoding. Implementations follow Hugging Face's definitions
 * exactly, so HF checkpoints load and give the same numbers.
 */
public abstract class CausalLm implements AutoCloseable {
    protected final Weights w;
    protected final Scalars c;
    private LinearAdapter adapter = LinearAdapter.NONE;

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

    /** Adapters (e.g. LoRA) applied on top of every linear layer; {@link LinearAdapter#NONE} for none. */
    public void setAdapter(LinearAdapter adapter) {
        this.adapter = adapter == null ? LinearAdapter.NONE : adapter;
    }

    public LinearAdapter adapter() {
        return adapter;
    }

    /**
     * What training updates: the adapter's tensors when it has any (LoRA: the base is frozen),
     * else every weight of the model (full fine-tuning).
     */
    public Map<String, NDArray> trainable() {
        Map<String, NDArray> own = adapter.parameters();
        return own.isEmpty() ? w.all() : own;
    }

    /**
     * This model run with {@code other} in place of its adapter ({@link LinearAdapter#NONE}: the
     * base model), over the same weights: one copy in memory. The view is used from one thread at
     * a time with this model, and closing it frees nothing (this model owns the weights).
     */
    public CausalLm withAdapter(LinearAdapter other) {
        return new AdapterView(this, other);
    }

    /**
     * The linear layer {@code module} (its HF name without ".weight"): y = x W^T (+ b when the
     * checkpoint has "{module}.bias"), then the adapter. Every family's projections go through here,
     * so an adapter reaches all of them from one place. x (..., in) -> (..., out).
     */
    protected NDArray linear(String module, NDArray x) {
        String bias = module + ".bias";
        NDArray y = Ops.linear(x, w.get(module + ".weight"), w.has(bias) ? w.get(bias) : null);
        return adapter == LinearAdapter.NONE ? y : adapter.apply(module, x, y);
    }

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
