package org.rlhfworkbench.lm.model;

import ai.djl.ndarray.NDArray;

/**
 * A model run with another adapter over the same weights, e.g. the reference policy of PPO / DPO
 * as the LoRA policy's base with the adapter off. Each call swaps the adapter in for its duration
 * and restores the owner's; the weights are the owner's and are not freed by {@link #close()}.
 */
final class AdapterView extends CausalLm {
    private final CausalLm owner;
    private final LinearAdapter view;

    AdapterView(CausalLm owner, LinearAdapter view) {
        super(owner.weights());
        this.owner = owner;
        this.view = view == null ? LinearAdapter.NONE : view;
        setAdapter(this.view);
    }

    @Override
    public ModelShape shape() {
        return owner.shape();
    }

    @Override
    public NDArray hidden(NDArray ids, AttentionMask mask, KvCache cache) {
        LinearAdapter saved = owner.adapter();
        owner.setAdapter(view);
        try {
            return owner.hidden(ids, mask, cache);
        } finally {
            owner.setAdapter(saved);
        }
    }

    @Override
    public NDArray logits(NDArray hidden) {
        LinearAdapter saved = owner.adapter();
        owner.setAdapter(view);
        try {
            return owner.logits(hidden);
        } finally {
            owner.setAdapter(saved);
        }
    }

    @Override
    public KvCache newCache(int batch, int capacity) {
        return owner.newCache(batch, capacity);
    }

    @Override
    public void close() {
        // the owner's weights: closed with the owner
    }
}
