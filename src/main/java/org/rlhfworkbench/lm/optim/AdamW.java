package org.rlhfworkbench.lm.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import java.util.HashMap;
import java.util.Map;

/**
 * AdamW (Loshchilov and Hutter), decoupled weight decay, written with in-place ops:
 *   m = b1 m + (1 - b1) g;  v = b2 v + (1 - b2) g^2
 *   p -= lr * (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps)  and  p *= 1 - lr * wd
 * Weight decay applies to matrices only, never to norms and biases (tensors of one dimension).
 * Runs outside any GradientCollector; its state lives as long as the optimizer.
 */
public final class AdamW implements AutoCloseable {
    private final OptimizerConfig cfg;
    private final Map<String, NDArray> m = new HashMap<>();
    private final Map<String, NDArray> v = new HashMap<>();
    private long t;

    public AdamW(OptimizerConfig cfg) {
        this.cfg = cfg;
    }

    public long steps() {
        return t;
    }

    /** One update of every parameter that has a gradient, at learning rate {@code lr}. */
    public void step(Map<String, NDArray> params, float lr) {
        t++;
        float bc1 = (float) (1 - Math.pow(cfg.beta1(), t));
        float bc2 = (float) (1 - Math.pow(cfg.beta2(), t));
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            NDArray p = e.getValue();
            if (!p.hasGradient()) {
                continue;
            }
            try (NDScope scope = new NDScope(); NDArray g = p.getGradient()) {
                NDArray mi = state(m, e.getKey(), p);
                NDArray vi = state(v, e.getKey(), p);
                mi.muli(cfg.beta1()).addi(g.mul(1 - cfg.beta1()));               // m = b1 m + (1-b1) g
                vi.muli(cfg.beta2()).addi(g.square().muli(1 - cfg.beta2()));     // v = b2 v + (1-b2) g^2
                NDArray denom = vi.div(bc2).sqrt().addi(cfg.eps());             // sqrt(v_hat) + eps
                if (decays(p)) {
                    p.muli(1 - lr * cfg.weightDecay());                          // decoupled decay
                }
                p.subi(mi.div(denom).muli(lr / bc1));                            // p -= lr m_hat / denom
            }
        }
    }

    /** Weight decay for matrices (embeddings, linears); none for norms and biases. */
    static boolean decays(NDArray p) {
        return p.getShape().dimension() >= 2;
    }

    private static NDArray state(Map<String, NDArray> map, String name, NDArray like) {
        NDArray s = map.get(name);
        if (s == null) {
            s = like.zerosLike();
            NDScope.unregister(s);
            map.put(name, s);
        }
        return s;
    }

    /** First and second moments by parameter name, and the step count (for checkpoints). */
    public Map<String, NDArray> firstMoments() {
        return m;
    }

    public Map<String, NDArray> secondMoments() {
        return v;
    }

    /** Restores moments and step count saved from an earlier run. */
    public void restore(Map<String, NDArray> first, Map<String, NDArray> second, long steps) {
        close();
        m.putAll(first);
        v.putAll(second);
        t = steps;
    }

    @Override
    public void close() {
        m.values().forEach(NDArray::close);
        v.values().forEach(NDArray::close);
        m.clear();
        v.clear();
    }
}
