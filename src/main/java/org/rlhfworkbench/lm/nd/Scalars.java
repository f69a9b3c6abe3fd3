package org.rlhfworkbench.lm.nd;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scalar constants as long-lived NDArrays. Multiplying by a Java number under autograd wraps it
 * in a temporary native buffer that can be freed before backward reads it (DJL-NOTES pitfall 1),
 * so every scalar in a forward pass comes from here. The arrays live as long as their manager.
 */
public final class Scalars {
    private final NDManager manager;
    private final ConcurrentHashMap<Float, NDArray> cache = new ConcurrentHashMap<>();

    public Scalars(NDManager manager) {
        this.manager = manager;
    }

    /** A 0-d float32 array holding {@code value}; never closed by an enclosing NDScope. */
    public NDArray of(float value) {
        return cache.computeIfAbsent(value, v -> {
            NDArray a = manager.create(v.floatValue());
            NDScope.unregister(a);
            return a;
        });
    }
}
