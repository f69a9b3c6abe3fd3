package org.rlhfworkbench.lm.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.HashMap;
import java.util.Map;

/**
 * AdamW (Loshchilov and Hutter), decoupled weight decay, as torch.optim.AdamW defines it:
 *   g = s g                      (s: the global-norm clipping scale, 1 when not clipped)
 *   p = p - lr wd p              (matrices only, never norms and biases: tensors of one dimension)
 *   m = b1 m + (1 - b1) g;  v = b2 v + (1 - b2) g^2
 *   p = p - lr (m / bc1) / (sqrt(v / bc2) + eps)       bc1 = 1 - b1^t, bc2 = 1 - b2^t
 * Both paths compute p - lr' m / (sqrt(v) + eps'), the bias corrections folded in exactly:
 * lr' = lr sqrt(bc2) / bc1 and eps' = eps sqrt(bc2) (divide the last line above through by sqrt(bc2)).
 * Small tensors take one native call each (DJL's adamUpdate, libtorch ops in C++): per-call
 * overhead was 14% of a PPO update on the sample when each took fifteen calls from Java. Large
 * tensors (at least {@value #IN_PLACE_MIN} elements) take in-place ops instead, the gradient's own
 * buffer holding g^2: two temporaries of the tensor's size, where adamUpdate makes seven (and
 * a 544 MB embedding's temporaries each cost fresh pages from the kernel).
 * Runs outside any GradientCollector; its state lives as long as the optimizer.
 */
public final class AdamW implements AutoCloseable {
    /** Elements from which a tensor is updated in place (4 MB of float32). */
    static final long IN_PLACE_MIN = 1L << 20;
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
        step(params, lr, 1f);
    }

    /** One update with every gradient first multiplied by {@code gradScale} (clipping). */
    public void step(Map<String, NDArray> params, float lr, float gradScale) {
        t++;
        double bc1 = 1 - Math.pow(cfg.beta1(), t);
        double bc2 = 1 - Math.pow(cfg.beta2(), t);
        float lrCorrected = (float) (lr * Math.sqrt(bc2) / bc1);                  // lr' = lr sqrt(bc2) / bc1
        float epsCorrected = (float) (cfg.eps() * Math.sqrt(bc2));                // eps' = eps sqrt(bc2)
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            NDArray p = e.getValue();
            if (!p.hasGradient()) {
                continue;
            }
            try (NDScope scope = new NDScope(); NDArray g = p.getGradient()) {
                NDArray mi = state(m, e.getKey(), p);
                NDArray vi = state(v, e.getKey(), p);
                float wd = decays(p) ? cfg.weightDecay() : 0f;
                if (p.size() >= IN_PLACE_MIN) {
                    updateInPlace(p, g, mi, vi, lr * wd, gradScale, lrCorrected, epsCorrected);
                } else {
                    // clip_grad = -1: no element-wise clipping; adamw = true: decay p by lr wd, not via g
                    JniUtils.adamUpdate((PtNDArray) p, (PtNDArray) g, (PtNDArray) mi, (PtNDArray) vi, lr,
                            lrCorrected, wd, gradScale, -1f, cfg.beta1(), cfg.beta2(), epsCorrected, true);
                }
            }
        }
    }

    /** The same update with in-place ops; the gradient's buffer is overwritten (zeroed after the step anyway). */
    private void updateInPlace(NDArray p, NDArray g, NDArray m, NDArray v, float decay, float gradScale,
                               float lrCorrected, float epsCorrected) {
        float b1 = cfg.beta1();
        float b2 = cfg.beta2();
        if (gradScale != 1f) {
            g.muli(gradScale);                                  // g = s g
        }
        if (decay != 0f) {
            p.muli(1 - decay);                                  // p = p - lr wd p
        }
        m.subi(g).muli(b1).addi(g);                             // m = g + b1 (m - g) = b1 m + (1 - b1) g
        g.muli(g);                                              // g := g^2, in the gradient's buffer
        v.subi(g).muli(b2).addi(g);                             // v = b2 v + (1 - b2) g^2
        NDArray denom = v.sqrt().addi(epsCorrected);            // sqrt(v) + eps'
        p.subi(m.div(denom).muli(lrCorrected));                 // p = p - lr' m / (sqrt(v) + eps')
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
