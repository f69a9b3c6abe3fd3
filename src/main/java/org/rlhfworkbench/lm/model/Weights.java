package org.rlhfworkbench.lm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model's parameters by Hugging Face tensor name, all owned by one long-lived manager.
 * Linear weights are kept in nn.Linear's (out, in) layout; GPT-2's Conv1D tensors are transposed
 * on load and back on save by the checkpoint code, so the forward pass has one layout.
 */
public final class Weights implements AutoCloseable {
    private final NDManager manager;
    private final Map<String, NDArray> tensors = new LinkedHashMap<>();

    public Weights(NDManager manager) {
        this.manager = manager;
    }

    public NDManager manager() {
        return manager;
    }

    public void put(String name, NDArray value) {
        value.setName(name);
        NDArray old = tensors.put(name, value);
        if (old != null && old != value) {
            old.close();
        }
    }

    public NDArray get(String name) {
        NDArray a = tensors.get(name);
        if (a == null) {
            throw new IllegalArgumentException("no tensor named " + name);
        }
        return a;
    }

    public boolean has(String name) {
        return tensors.containsKey(name);
    }

    /** All tensors in insertion order (the trainable parameters of the model). */
    public Map<String, NDArray> all() {
        return Collections.unmodifiableMap(tensors);
    }

    /** Number of scalar parameters. */
    public long count() {
        return tensors.values().stream().mapToLong(a -> a.getShape().size()).sum();
    }

    @Override
    public void close() {
        manager.close();
    }
}
