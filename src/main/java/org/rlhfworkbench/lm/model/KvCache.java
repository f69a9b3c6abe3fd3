package org.rlhfworkbench.lm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Preallocated keys and values, per layer (B, nKV, capacity, hd). New tokens are written in
 * place; attention reads the filled prefix (a view). Rows can be dropped (finished sequences stop
 * costing compute) or repeated (K samples share one prompt prefill). It also holds what the
 * decode derives from the weights once (fused q|k|v). Close it when done.
 */
public final class KvCache implements AutoCloseable {
    private final NDArray[] keys;
    private final NDArray[] values;
    private final int capacity;
    private final Map<String, NDArray> derived = new HashMap<>();
    private int length;

    KvCache(NDManager m, int layers, int batch, int kvHeads, int capacity, int headDim) {
        this.keys = new NDArray[layers];
        this.values = new NDArray[layers];
        this.capacity = capacity;
        for (int i = 0; i < layers; i++) {
            keys[i] = keep(m.zeros(new Shape(batch, kvHeads, capacity, headDim), DataType.FLOAT32));
            values[i] = keep(m.zeros(new Shape(batch, kvHeads, capacity, headDim), DataType.FLOAT32));
        }
    }

    public int length() {
        return length;
    }

    public int capacity() {
        return capacity;
    }

    public int batch() {
        return (int) keys[0].getShape().get(0);
    }

    /** Writes k, v (B, nKV, t, hd) after the filled part; returns the filled keys and values views. */
    NDArray[] append(int layer, NDArray k, NDArray v) {
        int t = (int) k.getShape().get(2);
        if (length + t > capacity) {
            throw new IllegalStateException("KV cache full: " + (length + t) + " > capacity " + capacity);
        }
        NDIndex slot = new NDIndex(":, :, {}:{}", length, length + t);
        keys[layer].set(slot, k);
        values[layer].set(slot, v);
        NDIndex filled = new NDIndex(":, :, :{}", length + t);
        return new NDArray[] {keys[layer].get(filled), values[layer].get(filled)};
    }

    /**
     * A tensor derived from the weights (e.g. the concatenated q|k|v weight), built on first use and
     * freed with the cache: the weights cannot change during one decode, but may between decodes
     * (PPO updates the policy), so nothing derived outlives the cache.
     */
    NDArray derived(String key, Supplier<NDArray> make) {
        return derived.computeIfAbsent(key, k -> keep(make.get()));
    }

    /** How many derived tensors this cache holds (tests: the fused path ran). */
    int derivedCount() {
        return derived.size();
    }

    /** Called once per forward, after every layer appended {@code t} tokens. */
    void advance(int t) {
        length += t;
    }

    /** Keeps only the given rows (in that order; repeats allowed), e.g. K copies of one prefill. */
    public void selectRows(int[] rows) {
        NDManager m = keys[0].getManager();
        try (NDArray idx = m.create(toLongs(rows))) {
            for (int i = 0; i < keys.length; i++) {
                keys[i] = replace(keys[i], keys[i].get(idx));
                values[i] = replace(values[i], values[i].get(idx));
            }
        }
    }

    private static NDArray replace(NDArray old, NDArray fresh) {
        old.close();
        return keep(fresh);
    }

    private static NDArray keep(NDArray a) {
        NDScope.unregister(a);
        return a;
    }

    private static long[] toLongs(int[] rows) {
        long[] out = new long[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i];
        }
        return out;
    }

    @Override
    public void close() {
        for (int i = 0; i < keys.length; i++) {
            keys[i].close();
            values[i].close();
        }
        derived.values().forEach(NDArray::close);
        derived.clear();
    }
}
