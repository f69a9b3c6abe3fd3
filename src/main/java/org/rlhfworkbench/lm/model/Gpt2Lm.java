package org.rlhfworkbench.lm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.SparseFormat;

/**
 * GPT-2 as Hugging Face defines it (model_type "gpt2"): learned positions, pre-LayerNorm blocks,
 * fused QKV, gelu_new MLP, final LayerNorm, lm_head tied to wte. Tensor names are HF's
 * (transformer.h.{i}.attn.c_attn.weight ...), Conv1D weights held transposed to (out, in).
 */
public final class Gpt2Lm extends CausalLm {
    private final ModelShape s;
    private final float eps;
    private final NDArray scale;

    public Gpt2Lm(Weights weights, ModelShape shape, float layerNormEps) {
        super(weights);
        this.s = shape;
        this.eps = layerNormEps;
        this.scale = c.of((float) (1.0 / Math.sqrt(shape.headDim())));
    }

    @Override
    public ModelShape shape() {
        return s;
    }

    @Override
    public NDArray hidden(NDArray ids, AttentionMask mask, KvCache cache) {
        int t = (int) ids.getShape().get(1);
        NDManager m = ids.getManager();
        NDArray pos = mask.positions(m, t);                                 // (B, T)
        NDArray bias = mask.bias(m, t);                                     // (B, 1, T, L)
        NDArray h = embed(ids, w.get("transformer.wte.weight"))
                .add(embed(pos, w.get("transformer.wpe.weight")));          // (B, T, E)
        for (int l = 0; l < s.layers(); l++) {
            h = block(l, h, bias, cache);
        }
        if (cache != null) {
            cache.advance(t);
        }
        return Ops.layerNorm(h, w.get("transformer.ln_f.weight"), w.get("transformer.ln_f.bias"), eps);
    }

    private NDArray block(int l, NDArray h, NDArray bias, KvCache cache) {
        String p = "transformer.h." + l + ".";
        long b = h.getShape().get(0);
        long t = h.getShape().get(1);
        // 1. attention on the normalised input
        NDArray a = Ops.layerNorm(h, w.get(p + "ln_1.weight"), w.get(p + "ln_1.bias"), eps);
        NDArray qkv = linear(p + "attn.c_attn", a); // (B, T, 3E)
        qkv = qkv.reshape(b, t, 3, s.heads(), s.headDim()).transpose(2, 0, 3, 1, 4);              // (3, B, nh, T, hd)
        NDArray q = qkv.get(0);
        NDArray k = qkv.get(1);
        NDArray v = qkv.get(2);                                                                    // (B, nh, T, hd)
        if (cache != null) {
            NDArray[] kv = cache.append(l, k, v);
            k = kv[0];
            v = kv[1];                                                                             // (B, nh, L, hd)
        }
        NDArray y = Ops.attention(q, k, v, bias, scale).transpose(0, 2, 1, 3).reshape(b, t, s.hidden());
        h = h.add(linear(p + "attn.c_proj", y));
        // 2. MLP: c_proj(gelu_new(c_fc(ln_2(h))))
        NDArray x = Ops.layerNorm(h, w.get(p + "ln_2.weight"), w.get(p + "ln_2.bias"), eps);
        x = Ops.geluNew(linear(p + "mlp.c_fc", x), c);
        return h.add(linear(p + "mlp.c_proj", x));
    }

    @Override
    public NDArray logits(NDArray hidden) {
        String head = w.has("lm_head.weight") ? "lm_head.weight" : "transformer.wte.weight";
        return Ops.linear(hidden, w.get(head), null);                       // (B, T, V)
    }

    static NDArray embed(NDArray ids, NDArray table) {
        return ids.getNDArrayInternal().embedding(ids, table, SparseFormat.DENSE).singletonOrThrow();
    }
}
