package org.rlhfworkbench.lm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;

/**
 * Llama as Hugging Face defines it (model_type "llama"; also SmolLM2, TinyLlama): RMSNorm,
 * rotary embeddings, grouped-query attention (num_key_value_heads), SwiGLU MLP, tied or untied
 * lm_head. Tensor names are HF's (model.layers.{i}.self_attn.q_proj.weight ...).
 */
public final class LlamaLm extends CausalLm {
    private final ModelShape s;
    private final NDArray eps;
    private final NDArray scale;
    private final Rope rope;
    private final NDArray rotate;

    public LlamaLm(Weights weights, ModelShape shape, float rmsNormEps, double ropeTheta) {
        super(weights);
        this.s = shape;
        this.eps = c.of(rmsNormEps);
        this.scale = c.of((float) (1.0 / Math.sqrt(shape.headDim())));
        this.rope = new Rope(shape.headDim(), ropeTheta);
        this.rotate = rope.rotateHalfMatrix(weights.manager());
        NDScope.unregister(rotate);
    }

    @Override
    public ModelShape shape() {
        return s;
    }

    @Override
    public NDArray hidden(NDArray ids, AttentionMask mask, KvCache cache) {
        int b = (int) ids.getShape().get(0);
        int t = (int) ids.getShape().get(1);
        NDManager m = ids.getManager();
        NDArray bias = mask.bias(m, t);                                     // (B, 1, T, L)
        NDArray[] cosSin = rope.cosSin(m, mask.positionIds(t), b, t);       // 2 x (B, 1, T, hd)
        NDArray h = Gpt2Lm.embed(ids, w.get("model.embed_tokens.weight"));  // (B, T, H)
        for (int l = 0; l < s.layers(); l++) {
            h = block(l, h, bias, cosSin, cache);
        }
        if (cache != null) {
            cache.advance(t);
        }
        return Ops.rmsNorm(h, w.get("model.norm.weight"), eps);
    }

    private NDArray block(int l, NDArray h, NDArray bias, NDArray[] cosSin, KvCache cache) {
        String p = "model.layers." + l + ".";
        long b = h.getShape().get(0);
        long t = h.getShape().get(1);
        // 1. attention: RoPE on q and k, GQA by repeating each kv head nh / nkv times
        NDArray a = Ops.rmsNorm(h, w.get(p + "input_layernorm.weight"), eps);
        NDArray q = heads(Ops.linear(a, w.get(p + "self_attn.q_proj.weight"), null), b, t, s.heads());   // (B, nh, T, hd)
        NDArray k = heads(Ops.linear(a, w.get(p + "self_attn.k_proj.weight"), null), b, t, s.kvHeads()); // (B, nkv, T, hd)
        NDArray v = heads(Ops.linear(a, w.get(p + "self_attn.v_proj.weight"), null), b, t, s.kvHeads());
        q = Rope.apply(q, cosSin[0], cosSin[1], rotate);
        k = Rope.apply(k, cosSin[0], cosSin[1], rotate);
        if (cache != null) {
            NDArray[] kv = cache.append(l, k, v);
            k = kv[0];
            v = kv[1];                                                      // (B, nkv, L, hd)
        }
        int rep = s.heads() / s.kvHeads();
        if (rep > 1) {
            k = k.repeat(1, rep);                                           // (B, nh, L, hd)
            v = v.repeat(1, rep);
        }
        NDArray y = Ops.attention(q, k, v, bias, scale).transpose(0, 2, 1, 3)
                .reshape(b, t, (long) s.heads() * s.headDim());             // (B, T, nh * hd)
        h = h.add(Ops.linear(y, w.get(p + "self_attn.o_proj.weight"), null));
        // 2. SwiGLU MLP: down(silu(gate(x)) * up(x))
        NDArray x = Ops.rmsNorm(h, w.get(p + "post_attention_layernorm.weight"), eps);
        NDArray gated = Ops.silu(Ops.linear(x, w.get(p + "mlp.gate_proj.weight"), null))
                .mul(Ops.linear(x, w.get(p + "mlp.up_proj.weight"), null));  // (B, T, I)
        return h.add(Ops.linear(gated, w.get(p + "mlp.down_proj.weight"), null));
    }

    private NDArray heads(NDArray x, long b, long t, int n) {
        return x.reshape(b, t, n, s.headDim()).transpose(0, 2, 1, 3);
    }

    @Override
    public NDArray logits(NDArray hidden) {
        String head = w.has("lm_head.weight") ? "lm_head.weight" : "model.embed_tokens.weight";
        return Ops.linear(hidden, w.get(head), null);                       // (B, T, V)
    }
}
