package org.rlhfworkbench.lm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import org.rlhfworkbench.lm.io.GptNeoxConfig;

/**
 * GPT-NeoX as Hugging Face defines it (model_type "gpt_neox"; Pythia): LayerNorm, a fused
 * query_key_value projection laid out per head as [q | k | v], rotary on the first rotary_pct of each
 * head's dims, exact (erf) GELU, and the parallel residual x + attn(ln1(x)) + mlp(ln2(x)) (or serial
 * when use_parallel_residual is false); embed_out is untied. Tensor names are HF's
 * (gpt_neox.layers.{i}.attention.query_key_value.weight ...).
 */
public final class GptNeoxLm extends CausalLm {
    private final ModelShape s;
    private final GptNeoxConfig config;
    private final float eps;
    private final NDArray scale;
    private final Rope rope;
    private final NDArray rotate;

    public GptNeoxLm(Weights weights, GptNeoxConfig config) {
        super(weights);
        this.config = config;
        this.s = new ModelShape(config.vocabSize(), config.hiddenSize(), config.intermediateSize(),
                config.numHiddenLayers(), config.numAttentionHeads(), config.numAttentionHeads(), config.headDim(),
                config.maxPositionEmbeddings());
        this.eps = (float) config.layerNormEps();
        this.scale = c.of((float) (1.0 / Math.sqrt(config.headDim())));
        this.rope = new Rope(config.headDim(), config.rope().invFreq(config.rotaryDim()), weights.manager());
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
        NDArray h = Gpt2Lm.embed(ids, w.get("gpt_neox.embed_in.weight"));   // (B, T, H)
        for (int l = 0; l < s.layers(); l++) {
            h = block(l, h, bias, cosSin, cache);
        }
        if (cache != null) {
            cache.advance(t);
        }
        return Ops.layerNorm(h, w.get("gpt_neox.final_layer_norm.weight"), w.get("gpt_neox.final_layer_norm.bias"),
                eps);
    }

    private NDArray block(int l, NDArray h, NDArray bias, NDArray[] cosSin, KvCache cache) {
        String p = "gpt_neox.layers." + l + ".";
        long b = h.getShape().get(0);
        long t = h.getShape().get(1);
        // 1. attention on ln1(h): qkv per head [q | k | v], rotary on the first rotary dims of q and k
        NDArray a = Ops.layerNorm(h, w.get(p + "input_layernorm.weight"), w.get(p + "input_layernorm.bias"), eps);
        NDArray qkv = linear(p + "attention.query_key_value", a)                            // (B, T, 3H)
                .reshape(b, t, s.heads(), 3, s.headDim()).transpose(3, 0, 2, 1, 4);        // (3, B, nh, T, hd)
        NDArray q = Rope.apply(qkv.get(0), cosSin[0], cosSin[1], rotate);
        NDArray k = Rope.apply(qkv.get(1), cosSin[0], cosSin[1], rotate);
        NDArray v = qkv.get(2);                                                             // (B, nh, T, hd)
        if (cache != null) {
            NDArray[] kv = cache.append(l, k, v);
            k = kv[0];
            v = kv[1];                                                                      // (B, nh, L, hd)
        }
        NDArray y = Ops.attention(q, k, v, bias, scale).transpose(0, 2, 1, 3).reshape(b, t, s.hidden());
        NDArray attn = linear(p + "attention.dense", y);                                   // (B, T, H)
        // 2. MLP: dense_4h_to_h(gelu(dense_h_to_4h(ln2(.)))), on h (parallel) or on h + attn (serial)
        NDArray mlpIn = config.useParallelResidual() ? h : h.add(attn);
        NDArray x = Ops.layerNorm(mlpIn, w.get(p + "post_attention_layernorm.weight"),
                w.get(p + "post_attention_layernorm.bias"), eps);
        x = linear(p + "mlp.dense_h_to_4h", x);                                             // (B, T, I)
        x = config.hiddenAct().equals("gelu") ? x.getNDArrayInternal().gelu() : Ops.geluNew(x, c);
        NDArray mlp = linear(p + "mlp.dense_4h_to_h", x);                                   // (B, T, H)
        return config.useParallelResidual() ? h.add(attn).add(mlp) : mlpIn.add(mlp);
    }

    @Override
    public NDArray logits(NDArray hidden) {
        String head = w.has("embed_out.weight") ? "embed_out.weight" : "gpt_neox.embed_in.weight";
        return Ops.linear(hidden, w.get(head), null);                       // (B, T, V)
    }
}
