package org.rlhfworkbench.lm.model;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.rlhfworkbench.lm.io.TensorSpec;

/**
 * Fresh weights as Hugging Face initialises them: normal(0, 0.02) for matrices, residual output
 * projections scaled by 1/sqrt(2 * layers) (GPT-2 paper), zero biases, unit norms. Seeded Java
 * RNG, so the same seed gives the same model on every platform.
 */
public final class RandomInit {
    private static final float STD = 0.02f;

    private RandomInit() {
    }

    public static Weights gpt2(NDManager m, ModelShape s, long seed) {
        Random rng = new Random(seed);
        Weights w = new Weights(m);
        int e = s.hidden();
        float resid = (float) (STD / Math.sqrt(2.0 * s.layers()));
        w.put("transformer.wte.weight", normal(m, rng, STD, s.vocab(), e));
        w.put("transformer.wpe.weight", normal(m, rng, 0.01f, s.maxPositions(), e));
        for (int l = 0; l < s.layers(); l++) {
            String p = "transformer.h." + l + ".";
            w.put(p + "ln_1.weight", m.ones(new Shape(e)));
            w.put(p + "ln_1.bias", m.zeros(new Shape(e)));
            w.put(p + "attn.c_attn.weight", normal(m, rng, STD, 3 * e, e));
            w.put(p + "attn.c_attn.bias", m.zeros(new Shape(3L * e)));
            w.put(p + "attn.c_proj.weight", normal(m, rng, resid, e, e));
            w.put(p + "attn.c_proj.bias", m.zeros(new Shape(e)));
            w.put(p + "ln_2.weight", m.ones(new Shape(e)));
            w.put(p + "ln_2.bias", m.zeros(new Shape(e)));
            w.put(p + "mlp.c_fc.weight", normal(m, rng, STD, s.intermediate(), e));
            w.put(p + "mlp.c_fc.bias", m.zeros(new Shape(s.intermediate())));
            w.put(p + "mlp.c_proj.weight", normal(m, rng, resid, e, s.intermediate()));
            w.put(p + "mlp.c_proj.bias", m.zeros(new Shape(e)));
        }
        w.put("transformer.ln_f.weight", m.ones(new Shape(e)));
        w.put("transformer.ln_f.bias", m.zeros(new Shape(e)));
        return w;
    }

    public static Weights llama(NDManager m, ModelShape s, boolean tied, long seed) {
        Random rng = new Random(seed);
        Weights w = new Weights(m);
        int h = s.hidden();
        int q = s.heads() * s.headDim();
        int kv = s.kvHeads() * s.headDim();
        w.put("model.embed_tokens.weight", normal(m, rng, STD, s.vocab(), h));
        for (int l = 0; l < s.layers(); l++) {
            String p = "model.layers." + l + ".";
            w.put(p + "input_layernorm.weight", m.ones(new Shape(h)));
            w.put(p + "self_attn.q_proj.weight", normal(m, rng, STD, q, h));
            w.put(p + "self_attn.k_proj.weight", normal(m, rng, STD, kv, h));
            w.put(p + "self_attn.v_proj.weight", normal(m, rng, STD, kv, h));
            w.put(p + "self_attn.o_proj.weight", normal(m, rng, STD, h, q));
            w.put(p + "post_attention_layernorm.weight", m.ones(new Shape(h)));
            w.put(p + "mlp.gate_proj.weight", normal(m, rng, STD, s.intermediate(), h));
            w.put(p + "mlp.up_proj.weight", normal(m, rng, STD, s.intermediate(), h));
            w.put(p + "mlp.down_proj.weight", normal(m, rng, STD, h, s.intermediate()));
        }
        w.put("model.norm.weight", m.ones(new Shape(h)));
        if (!tied) {
            w.put("lm_head.weight", normal(m, rng, STD, s.vocab(), h));
        }
        return w;
    }

    /**
     * Weights for any family from its tensor list: 1-d norm weights 1, 1-d biases 0, matrices
     * normal(0, 0.02) in the in-memory (out, in) layout ({@code transposed} specs are stored (in, out)).
     * Optional specs (a tied output head) are left out.
     */
    public static Weights fromSpecs(NDManager m, List<TensorSpec> specs, Predicate<TensorSpec> transposed, long seed) {
        Random rng = new Random(seed);
        Weights w = new Weights(m);
        for (TensorSpec spec : specs) {
            if (spec.optional()) {
                continue;
            }
            long[] shape = spec.shape();
            if (shape.length == 1) {
                boolean bias = spec.name().endsWith(".bias");
                w.put(spec.name(), bias ? m.zeros(new Shape(shape)) : m.ones(new Shape(shape)));
            } else if (transposed.test(spec)) {
                w.put(spec.name(), normal(m, rng, STD, Math.toIntExact(shape[1]), Math.toIntExact(shape[0])));
            } else {
                w.put(spec.name(), normal(m, rng, STD, Math.toIntExact(shape[0]), Math.toIntExact(shape[1])));
            }
        }
        return w;
    }

    private static ai.djl.ndarray.NDArray normal(NDManager m, Random rng, float std, int rows, int cols) {
        float[] a = new float[rows * cols];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (rng.nextGaussian() * std);
        }
        return m.create(a, new Shape(rows, cols));
    }
}
