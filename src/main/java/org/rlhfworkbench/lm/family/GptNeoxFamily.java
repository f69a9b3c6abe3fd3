package org.rlhfworkbench.lm.family;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.rlhfworkbench.lm.io.CheckpointException;
import org.rlhfworkbench.lm.io.ConfigReader;
import org.rlhfworkbench.lm.io.GptNeoxConfig;
import org.rlhfworkbench.lm.io.ModelConfig;
import org.rlhfworkbench.lm.io.RopeParams;
import org.rlhfworkbench.lm.io.TensorSpec;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.lm.model.GptNeoxLm;
import org.rlhfworkbench.lm.model.ModelShape;
import org.rlhfworkbench.lm.model.Weights;

/**
 * GPT-NeoX (model_type "gpt_neox"; Pythia): LayerNorm, fused per-head q|k|v projection, rotary on
 * rotary_pct of each head's dims, parallel residual, exact GELU, untied embed_out.
 */
final class GptNeoxFamily implements ModelFamily {
    private static final Pattern BARE =
            Pattern.compile("(embed_in\\.weight|layers\\.\\d+\\..+|final_layer_norm\\.(weight|bias))");
    private static final Pattern BUFFER = Pattern.compile(
            "gpt_neox\\.layers\\.\\d+\\.attention\\.(bias|masked_bias|rotary_emb\\.inv_freq)");
    private static final List<String> ACTIVATIONS = List.of("gelu", "gelu_new", "gelu_pytorch_tanh");

    @Override
    public String modelType() {
        return GptNeoxConfig.MODEL_TYPE;
    }

    @Override
    public String architecture() {
        return "GPTNeoXForCausalLM";
    }

    @Override
    public ModelConfig read(ConfigReader in) {
        JsonNode params = in.node("rope_parameters");
        double rotaryPct = in.has("rotary_pct") ? in.number("rotary_pct", 0.25)
                : params != null && params.path("partial_rotary_factor").isNumber()
                ? params.get("partial_rotary_factor").doubleValue() : in.number("partial_rotary_factor", 0.25);
        String act = in.text("hidden_act", "gelu");
        if (!ACTIVATIONS.contains(act)) {
            throw in.fail("hidden_act", "is not supported (supported: " + String.join(", ", ACTIVATIONS) + ")");
        }
        RopeParams rope;
        try {
            rope = RopeParams.read(in, in.has("rotary_emb_base") ? "rotary_emb_base" : "rope_theta", 10000.0);
            in.consume("rotary_emb_base", "rope_theta");
            return new GptNeoxConfig(in.integer("vocab_size", 50432), in.integer("hidden_size", 6144),
                    in.integer("intermediate_size", 24576), in.integer("num_hidden_layers", 44),
                    in.integer("num_attention_heads", 64), rotaryPct, rope,
                    in.integer("max_position_embeddings", 2048), in.number("layer_norm_eps", 1e-5),
                    in.bool("use_parallel_residual", true), act, in.bool("attention_bias", true),
                    in.bool("tie_word_embeddings", false), in.nullableInteger("bos_token_id", 0),
                    in.integers("eos_token_id", List.of(2)), in.rest());
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(in.file() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void write(ModelConfig config, ObjectNode out) {
        GptNeoxConfig c = (GptNeoxConfig) config;
        out.put("hidden_size", c.hiddenSize());
        out.put("intermediate_size", c.intermediateSize());
        out.put("num_hidden_layers", c.numHiddenLayers());
        out.put("num_attention_heads", c.numAttentionHeads());
        out.put("rotary_pct", c.rotaryPct());
        c.rope().write(out, "rotary_emb_base");
        out.put("max_position_embeddings", c.maxPositionEmbeddings());
        out.put("layer_norm_eps", c.layerNormEps());
        out.put("use_parallel_residual", c.useParallelResidual());
        out.put("hidden_act", c.hiddenAct());
        out.put("attention_bias", c.attentionBias());
        out.put("bos_token_id", c.bosTokenId());
        List<Integer> eos = c.eosTokenIds();
        if (eos.size() == 1) {
            out.put("eos_token_id", eos.get(0));
        } else if (!eos.isEmpty()) {
            eos.forEach(out.putArray("eos_token_id")::add);
        }
    }

    @Override
    public List<TensorSpec> tensors(ModelConfig config) {
        GptNeoxConfig c = (GptNeoxConfig) config;
        long v = c.vocabSize();
        long h = c.hiddenSize();
        long inner = c.intermediateSize();
        List<TensorSpec> specs = new ArrayList<>();
        specs.add(Specs.of("gpt_neox.embed_in.weight", v, h));
        for (int i = 0; i < c.numHiddenLayers(); i++) {
            String p = "gpt_neox.layers." + i + ".";
            specs.add(Specs.of(p + "input_layernorm.weight", h));
            specs.add(Specs.of(p + "input_layernorm.bias", h));
            specs.add(Specs.of(p + "post_attention_layernorm.weight", h));
            specs.add(Specs.of(p + "post_attention_layernorm.bias", h));
            specs.add(Specs.of(p + "attention.query_key_value.weight", 3 * h, h));
            if (c.attentionBias()) {
                specs.add(Specs.of(p + "attention.query_key_value.bias", 3 * h));
            }
            specs.add(Specs.of(p + "attention.dense.weight", h, h));
            if (c.attentionBias()) {
                specs.add(Specs.of(p + "attention.dense.bias", h));
            }
            specs.add(Specs.of(p + "mlp.dense_h_to_4h.weight", inner, h));
            specs.add(Specs.of(p + "mlp.dense_h_to_4h.bias", inner));
            specs.add(Specs.of(p + "mlp.dense_4h_to_h.weight", h, inner));
            specs.add(Specs.of(p + "mlp.dense_4h_to_h.bias", h));
        }
        specs.add(Specs.of("gpt_neox.final_layer_norm.weight", h));
        specs.add(Specs.of("gpt_neox.final_layer_norm.bias", h));
        specs.add(new TensorSpec("embed_out.weight", new long[] {v, h}, c.tieWordEmbeddings()));
        return specs;
    }

    @Override
    public Optional<String> canonicalName(String stored) {
        return Specs.canonical(stored, BARE, "gpt_neox.", BUFFER);
    }

    @Override
    public ModelShape shape(ModelConfig config) {
        GptNeoxConfig c = (GptNeoxConfig) config;
        return new ModelShape(c.vocabSize(), c.hiddenSize(), c.intermediateSize(), c.numHiddenLayers(),
                c.numAttentionHeads(), c.numAttentionHeads(), c.headDim(), c.maxPositionEmbeddings());
    }

    @Override
    public CausalLm build(ModelConfig config, Weights weights, Path folder) {
        GptNeoxConfig c = (GptNeoxConfig) config;
        Specs.refuse(c.rotaryDim() % 2 != 0, "rotary_pct " + c.rotaryPct() + " (odd rotary dims " + c.rotaryDim() + ")",
                folder);
        return new GptNeoxLm(weights, c);
    }
}
