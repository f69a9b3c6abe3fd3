package org.rlhfworkbench.lm.family;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.rlhfworkbench.lm.io.ConfigReader;
import org.rlhfworkbench.lm.io.LlamaConfig;
import org.rlhfworkbench.lm.io.LlamaConfig.Layout;
import org.rlhfworkbench.lm.io.ModelConfig;
import org.rlhfworkbench.lm.io.RopeParams;
import org.rlhfworkbench.lm.io.TensorSpec;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.lm.model.LlamaLm;
import org.rlhfworkbench.lm.model.ModelShape;
import org.rlhfworkbench.lm.model.Weights;

/**
 * Llama (model_type "llama"; also SmolLM2, TinyLlama, Llama 3.x with rope_type llama3): RMSNorm,
 * RoPE, grouped-query attention, SwiGLU. Optional biases (attention_bias, mlp_bias). Mistral, Qwen2
 * and Qwen3 share the maths and extend this class with their defaults and options.
 */
class LlamaFamily implements ModelFamily {
    private static final Pattern BARE = Pattern.compile("(layers\\.\\d+\\..+|embed_tokens\\.weight|norm\\.weight)");
    private static final Pattern BUFFER = Pattern.compile("model\\.layers\\.\\d+\\.self_attn\\.rotary_emb\\.inv_freq");

    /** transformers' defaults of a family's config class, for keys config.json leaves out. */
    record Defaults(int vocab, int hidden, int intermediate, int layers, int heads, Integer kvHeads, double rmsEps,
                    double theta, int maxPositions, Integer bos, List<Integer> eos) {
    }

    @Override
    public String modelType() {
        return LlamaConfig.MODEL_TYPE;
    }

    @Override
    public String architecture() {
        return "LlamaForCausalLM";
    }

    Defaults defaults() {
        return new Defaults(32000, 4096, 11008, 32, 32, null, 1e-6, 10000.0, 2048, 1, List.of(2));
    }

    /** attention_bias puts biases on q, k, v and o; mlp_bias on gate, up and down. */
    Layout layout(ConfigReader in) {
        boolean attention = in.bool("attention_bias", false);
        return new Layout(attention, attention, in.bool("mlp_bias", false), false);
    }

    /** The attention window, or null when the family attends to the whole sequence. */
    Integer slidingWindow(ConfigReader in) {
        return null;
    }

    void writeOptions(LlamaConfig c, ObjectNode out) {
        out.put("attention_bias", c.layout().qkvBias());
        out.put("mlp_bias", c.layout().mlpBias());
    }

    @Override
    public final ModelConfig read(ConfigReader in) {
        Defaults d = defaults();
        int hidden = in.integer("hidden_size", d.hidden());
        int heads = in.integer("num_attention_heads", d.heads());
        Integer headDim = in.nullableInteger("head_dim", null);
        if (headDim == null && hidden % heads != 0) {
            throw in.fail("hidden_size", "is not divisible by num_attention_heads " + heads);
        }
        String act = in.text("hidden_act", "silu");
        if (!act.equals("silu")) {
            throw in.fail("hidden_act", "is not supported (only silu)");
        }
        Layout layout = layout(in);
        Integer window = slidingWindow(in);
        RopeParams rope;
        try {
            rope = RopeParams.read(in, "rope_theta", d.theta());
        } catch (IllegalArgumentException e) {
            throw new org.rlhfworkbench.lm.io.CheckpointException(in.file() + ": " + e.getMessage(), e);
        }
        return new LlamaConfig(modelType(), in.integer("vocab_size", d.vocab()), hidden,
                in.integer("intermediate_size", d.intermediate()), in.integer("num_hidden_layers", d.layers()), heads,
                in.integer("num_key_value_heads", d.kvHeads() != null ? d.kvHeads() : heads),
                in.number("rms_norm_eps", d.rmsEps()), rope, in.integer("max_position_embeddings", d.maxPositions()),
                in.bool("tie_word_embeddings", false), in.nullableInteger("bos_token_id", d.bos()),
                in.integers("eos_token_id", d.eos()), act, headDim != null ? headDim : hidden / heads, layout, window,
                in.rest());
    }

    @Override
    public final void write(ModelConfig config, ObjectNode out) {
        LlamaConfig c = (LlamaConfig) config;
        out.put("hidden_size", c.hiddenSize());
        out.put("intermediate_size", c.intermediateSize());
        out.put("num_hidden_layers", c.numHiddenLayers());
        out.put("num_attention_heads", c.numAttentionHeads());
        out.put("num_key_value_heads", c.numKeyValueHeads());
        out.put("head_dim", c.headDim());
        out.put("rms_norm_eps", c.rmsNormEps());
        c.rope().write(out, "rope_theta");
        out.put("max_position_embeddings", c.maxPositionEmbeddings());
        out.put("hidden_act", c.hiddenAct());
        writeOptions(c, out);
        out.put("bos_token_id", c.bosTokenId());
        List<Integer> eos = c.eosTokenIds();
        if (eos.size() == 1) {
            out.put("eos_token_id", eos.get(0));
        } else if (eos.isEmpty()) {
            out.putNull("eos_token_id");
        } else {
            eos.forEach(out.putArray("eos_token_id")::add);
        }
    }

    @Override
    public final List<TensorSpec> tensors(ModelConfig config) {
        LlamaConfig c = (LlamaConfig) config;
        Layout layout = c.layout();
        long v = c.vocabSize();
        long h = c.hiddenSize();
        long q = (long) c.numAttentionHeads() * c.headDim();
        long kv = (long) c.numKeyValueHeads() * c.headDim();
        long inner = c.intermediateSize();
        List<TensorSpec> specs = new ArrayList<>();
        specs.add(Specs.of("model.embed_tokens.weight", v, h));
        for (int i = 0; i < c.numHiddenLayers(); i++) {
            String p = "model.layers." + i + ".";
            specs.add(Specs.of(p + "input_layernorm.weight", h));
            linear(specs, p + "self_attn.q_proj", q, h, layout.qkvBias());
            linear(specs, p + "self_attn.k_proj", kv, h, layout.qkvBias());
            linear(specs, p + "self_attn.v_proj", kv, h, layout.qkvBias());
            linear(specs, p + "self_attn.o_proj", h, q, layout.oBias());
            if (layout.qkNorm()) {
                specs.add(Specs.of(p + "self_attn.q_norm.weight", c.headDim()));
                specs.add(Specs.of(p + "self_attn.k_norm.weight", c.headDim()));
            }
            specs.add(Specs.of(p + "post_attention_layernorm.weight", h));
            linear(specs, p + "mlp.gate_proj", inner, h, layout.mlpBias());
            linear(specs, p + "mlp.up_proj", inner, h, layout.mlpBias());
            linear(specs, p + "mlp.down_proj", h, inner, layout.mlpBias());
        }
        specs.add(Specs.of("model.norm.weight", h));
        specs.add(Specs.lmHead(v, h, c.tieWordEmbeddings()));
        return specs;
    }

    private static void linear(List<TensorSpec> specs, String name, long out, long in, boolean bias) {
        specs.add(Specs.of(name + ".weight", out, in));
        if (bias) {
            specs.add(Specs.of(name + ".bias", out));
        }
    }

    @Override
    public final Optional<String> canonicalName(String stored) {
        return Specs.canonical(stored, BARE, "model.", BUFFER);
    }

    @Override
    public final ModelShape shape(ModelConfig config) {
        LlamaConfig l = (LlamaConfig) config;
        return new ModelShape(l.vocabSize(), l.hiddenSize(), l.intermediateSize(), l.numHiddenLayers(),
                l.numAttentionHeads(), l.numKeyValueHeads(), l.headDim(), l.maxPositionEmbeddings());
    }

    @Override
    public final CausalLm build(ModelConfig config, Weights weights, Path folder) {
        return new LlamaLm(weights, (LlamaConfig) config);
    }
}
