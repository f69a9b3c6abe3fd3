package org.rlhfworkbench.lm.family;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.rlhfworkbench.lm.io.ConfigReader;
import org.rlhfworkbench.lm.io.Gpt2Config;
import org.rlhfworkbench.lm.io.ModelConfig;
import org.rlhfworkbench.lm.io.TensorSpec;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.lm.model.Gpt2Lm;
import org.rlhfworkbench.lm.model.ModelShape;
import org.rlhfworkbench.lm.model.RandomInit;
import org.rlhfworkbench.lm.model.Weights;

/** GPT-2 (model_type "gpt2"): learned positions, LayerNorm, fused c_attn, gelu_new, Conv1D weights stored (in, out). */
final class Gpt2Family implements ModelFamily {
    private static final Set<String> CONV1D = Set.of("attn.c_attn.weight", "attn.c_proj.weight",
            "mlp.c_fc.weight", "mlp.c_proj.weight");
    private static final Pattern BARE = Pattern.compile("(h\\.\\d+\\..+|wte\\.weight|wpe\\.weight|ln_f\\.(weight|bias))");
    private static final Pattern BUFFER = Pattern.compile("transformer\\.h\\.\\d+\\.attn\\.(bias|masked_bias)");

    @Override
    public String modelType() {
        return Gpt2Config.MODEL_TYPE;
    }

    @Override
    public String architecture() {
        return "GPT2LMHeadModel";
    }

    @Override
    public ModelConfig read(ConfigReader in) {
        return new Gpt2Config(in.integer("vocab_size", 50257), in.integer("n_positions", 1024),
                in.integer("n_embd", 768), in.integer("n_layer", 12), in.integer("n_head", 12),
                in.nullableInteger("n_inner", null), in.number("layer_norm_epsilon", 1e-5),
                in.text("activation_function", "gelu_new"), special(in, "bos_token_id"), special(in, "eos_token_id"), in.bool("tie_word_embeddings", true), in.rest());
    }

    /** GPT2Config's default 50256 when the key is missing; an explicit null stays null. */
    private static Integer special(ConfigReader in, String key) {
        return in.nullableInteger(key, in.hasKey(key) ? null : 50256);
    }

    @Override
    public void write(ModelConfig config, ObjectNode out) {
        Gpt2Config c = (Gpt2Config) config;
        out.put("n_positions", c.nPositions());
        if (out.has("n_ctx")) { // legacy alias of n_positions
            out.put("n_ctx", c.nPositions());
        }
        out.put("n_embd", c.nEmbd());
        out.put("n_layer", c.nLayer());
        out.put("n_head", c.nHead());
        out.put("n_inner", c.nInner());
        out.put("layer_norm_epsilon", c.layerNormEpsilon());
        out.put("activation_function", c.activationFunction());
        out.put("bos_token_id", c.bosTokenId());
        out.put("eos_token_id", c.eosTokenId());
    }

    @Override
    public List<TensorSpec> tensors(ModelConfig config) {
        Gpt2Config c = (Gpt2Config) config;
        long v = c.vocabSize();
        long e = c.nEmbd();
        long inner = c.innerSize();
        List<TensorSpec> specs = new ArrayList<>();
        specs.add(Specs.of("transformer.wte.weight", v, e));
        specs.add(Specs.of("transformer.wpe.weight", c.nPositions(), e));
        for (int i = 0; i < c.nLayer(); i++) {
            String p = "transformer.h." + i + ".";
            specs.add(Specs.of(p + "ln_1.weight", e));
            specs.add(Specs.of(p + "ln_1.bias", e));
            specs.add(Specs.of(p + "attn.c_attn.weight", e, 3 * e));
            specs.add(Specs.of(p + "attn.c_attn.bias", 3 * e));
            specs.add(Specs.of(p + "attn.c_proj.weight", e, e));
            specs.add(Specs.of(p + "attn.c_proj.bias", e));
            specs.add(Specs.of(p + "ln_2.weight", e));
            specs.add(Specs.of(p + "ln_2.bias", e));
            specs.add(Specs.of(p + "mlp.c_fc.weight", e, inner));
            specs.add(Specs.of(p + "mlp.c_fc.bias", inner));
            specs.add(Specs.of(p + "mlp.c_proj.weight", inner, e));
            specs.add(Specs.of(p + "mlp.c_proj.bias", e));
        }
        specs.add(Specs.of("transformer.ln_f.weight", e));
        specs.add(Specs.of("transformer.ln_f.bias", e));
        specs.add(Specs.lmHead(v, e, c.tieWordEmbeddings()));
        return specs;
    }

    @Override
    public Optional<String> canonicalName(String stored) {
        return Specs.canonical(stored, BARE, "transformer.", BUFFER);
    }

    @Override
    public boolean storedTransposed(String name) {
        return name.startsWith("transformer.h.") && CONV1D.stream().anyMatch(name::endsWith);
    }

    @Override
    public ModelShape shape(ModelConfig config) {
        Gpt2Config g = (Gpt2Config) config;
        return new ModelShape(g.vocabSize(), g.nEmbd(), g.innerSize(), g.nLayer(), g.nHead(), g.nHead(),
                g.headDim(), g.nPositions());
    }

    @Override
    public CausalLm build(ModelConfig config, Weights weights, Path folder) {
        Gpt2Config g = (Gpt2Config) config;
        Specs.refuse(g.extra().path("scale_attn_by_inverse_layer_idx").asBoolean(false),
                "scale_attn_by_inverse_layer_idx", folder);
        Specs.refuse(g.extra().path("reorder_and_upcast_attn").asBoolean(false), "reorder_and_upcast_attn", folder);
        Specs.refuse(!g.extra().path("scale_attn_weights").asBoolean(true), "scale_attn_weights=false", folder);
        String act = g.activationFunction();
        Specs.refuse(!act.equals("gelu_new") && !act.equals("gelu_pytorch_tanh"), "activation_function " + act, folder);
        return new Gpt2Lm(weights, shape(config), (float) g.layerNormEpsilon());
    }

    /** Kept as before the family registry, so seeded test models stay the same. */
    @Override
    public Weights randomInit(NDManager m, ModelConfig config, long seed) {
        return RandomInit.gpt2(m, shape(config), seed);
    }
}
