package org.rlhfworkbench.lm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import org.rlhfworkbench.lm.io.LlamaConfig;
import org.rlhfworkbench.lm.nd.NoGrad;

/**
 * The Llama family as Hugging Face defines it (model_type "llama", "mistral", "qwen2", "qwen3";
 * also SmolLM2, TinyLlama, Llama 3.x): RMSNorm, rotary embeddings (plain, linear or llama3
 * scaled), grouped-query attention (num_key_value_heads), SwiGLU MLP, tied or untied lm_head;
 * optional q/k/v (Qwen2) or all-projection biases, Qwen3's per-head q/k RMSNorm before RoPE, and
 * Mistral's sliding window (inputs longer than it are refused). Tensor names are HF's
 * (model.layers.{i}.self_attn.q_proj.weight ...).
 */
public final class LlamaLm extends CausalLm {
    private final ModelShape s;
    private final LlamaConfig config;
    private final NDArray eps;
    private final NDArray scale;
    private final Rope rope;
    private final NDArray rotate;

    public LlamaLm(Weights weights, LlamaConfig config) {
        super(weights);
        this.config = config;
        this.s = new ModelShape(config.vocabSize(), config.hiddenSize(), config.intermediateSize(),
                config.numHiddenLayers(), config.numAttentionHeads(), config.numKeyValueHeads(), config.headDim(),
                config.maxPositionEmbeddings());
        this.eps = c.of((float) config.rmsNormEps());
        this.scale = c.of((float) (1.0 / Math.sqrt(config.headDim())));
        this.rope = new Rope(config.headDim(), config.rope().invFreq(config.headDim()), weights.manager());
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
        Integer window = config.slidingWindow();
        if (window != null && mask.length() > window) {
            throw new IllegalArgumentException("an input of " + mask.length() + " tokens is longer than the "
                    + config.modelType() + " model's sliding_window of " + window + " (config.json); shorten it");
        }
        NDManager m = ids.getManager();
        NDArray bias = mask.bias(m, t);                                     // (B, 1, T, L)
        NDArray[] cosSin = rope.cosSin(m, mask.positionIds(t), b, t);       // 2 x (B, 1, T, hd)
        NDArray h = Gpt2Lm.embed(ids, w.get("model.embed_tokens.weight"));  // (B, T, H)
        // decoding (a cache, no adapter, no autograd): q|k|v as one matmul over weights fused for this decode
        boolean fuse = cache != null && adapter() == LinearAdapter.NONE && NoGrad.isOn();
        for (int l = 0; l < s.layers(); l++) {
            h = block(l, h, bias, cosSin, cache, fuse);
        }
        if (cache != null) {
            cache.advance(t);
        }
        return Ops.rmsNorm(h, w.get("model.norm.weight"), eps);
    }

    private NDArray block(int l, NDArray h, NDArray bias, NDArray[] cosSin, KvCache cache, boolean fuse) {
        String p = "model.layers." + l + ".";
        long b = h.getShape().get(0);
        long t = h.getShape().get(1);
        // 1. attention: (Qwen3: RMSNorm per head on q and k), RoPE on q and k, GQA by repeating kv heads
        NDArray a = Ops.rmsNorm(h, w.get(p + "input_layernorm.weight"), eps);
        NDArray[] qkv = fuse ? fusedQkv(p, a, cache) : new NDArray[] {linear(p + "self_attn.q_proj", a),
                linear(p + "self_attn.k_proj", a), linear(p + "self_attn.v_proj", a)};
        NDArray q = heads(qkv[0], b, t, s.heads());                          // (B, nh, T, hd)
        NDArray k = heads(qkv[1], b, t, s.kvHeads());                        // (B, nkv, T, hd)
        NDArray v = heads(qkv[2], b, t, s.kvHeads());
        if (config.layout().qkNorm()) {
            q = Ops.rmsNorm(q, w.get(p + "self_attn.q_norm.weight"), eps);         // over hd
            k = Ops.rmsNorm(k, w.get(p + "self_attn.k_norm.weight"), eps);
        }
        q = Rope.apply(q, cosSin[0], cosSin[1], rotate);
        k = Rope.apply(k, cosSin[0], cosSin[1], rotate);
        if (cache != null) {
            NDArray[] kv = cache.append(l, k, v);
            k = kv[0];
            v = kv[1];                                                      // (B, nkv, L, hd)
        }
        int rep = s.heads() / s.kvHeads();
        NDArray att = rep == 1 ? Ops.attention(q, k, v, bias, scale)
                : Ops.groupedAttention(q, k, v, bias, scale, rep);          // (B, nh, T, hd), kv not repeated
        NDArray y = att.transpose(0, 2, 1, 3).reshape(b, t, (long) s.heads() * s.headDim()); // (B, T, nh * hd)
        h = h.add(linear(p + "self_attn.o_proj", y));
        // 2. SwiGLU MLP: down(silu(gate(x)) * up(x))
        NDArray x = Ops.rmsNorm(h, w.get(p + "post_attention_layernorm.weight"), eps);
        NDArray gated = Ops.silu(linear(p + "mlp.gate_proj", x)).mul(linear(p + "mlp.up_proj", x)); // (B, T, I)
        return h.add(linear(p + "mlp.down_proj", gated));
    }

    /**
     * q, k, v (B, T, n * hd) from one matmul: x [Wq; Wk; Wv]^T (+ [bq; bk; bv]), split. The fused
     * weights are built once per decode and live in the cache (the weights may change between decodes).
     */
    private NDArray[] fusedQkv(String p, NDArray x, KvCache cache) {
        String[] mods = {p + "self_attn.q_proj", p + "self_attn.k_proj", p + "self_attn.v_proj"};
        NDArray wqkv = cache.derived(p + "qkv.weight", () -> concat(mods, ".weight"));    // ((nh + 2 nkv) hd, H)
        boolean biased = w.has(mods[0] + ".bias") && w.has(mods[1] + ".bias") && w.has(mods[2] + ".bias");
        if (!biased && (w.has(mods[0] + ".bias") || w.has(mods[1] + ".bias") || w.has(mods[2] + ".bias"))) {
            return new NDArray[] {linear(mods[0], x), linear(mods[1], x), linear(mods[2], x)};
        }
        NDArray bqkv = biased ? cache.derived(p + "qkv.bias", () -> concat(mods, ".bias")) : null;
        long qw = (long) s.heads() * s.headDim();
        long kvw = (long) s.kvHeads() * s.headDim();
        NDList parts = Ops.linear(x, wqkv, bqkv).split(new long[] {qw, qw + kvw}, 2);    // 3 x (B, T, n * hd)
        return new NDArray[] {parts.get(0), parts.get(1), parts.get(2)};
    }

    private NDArray concat(String[] modules, String suffix) {
        NDList parts = new NDList();
        for (String mod : modules) {
            parts.add(w.get(mod + suffix));
        }
        return NDArrays.concat(parts, 0);
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
