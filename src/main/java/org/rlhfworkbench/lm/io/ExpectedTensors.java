package org.rlhfworkbench.lm.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tensors a Hugging Face checkpoint of each family holds, under transformers' names, and the
 * check that a loaded map matches them. GPT-2's Conv1D weights are stored transposed (in x out).
 */
public final class ExpectedTensors {
    /** Heads stored beside a backbone (HF's *ForSequenceClassification "score"), not warned about. */
    static final java.util.Set<String> KNOWN_HEADS = java.util.Set.of("score.weight", "score.bias");

    private static final Logger LOG = LoggerFactory.getLogger(ExpectedTensors.class);
    private static final int MAX_PROBLEMS_LISTED = 5;
    /** Non-parameter buffers that older transformers saved with the weights. */
    private static final Pattern GPT2_BUFFER = Pattern.compile("transformer\\.h\\.\\d+\\.attn\\.(bias|masked_bias)");
    /** Names as a base model (GPT2Model, LlamaModel) saves them, without the causal-LM wrapper's prefix. */
    private static final Pattern GPT2_BARE =
            Pattern.compile("(h\\.\\d+\\..+|wte\\.weight|wpe\\.weight|ln_f\\.(weight|bias))");
    private static final Pattern LLAMA_BARE =
            Pattern.compile("(layers\\.\\d+\\..+|embed_tokens\\.weight|norm\\.weight)");
    private static final Pattern LLAMA_BUFFER =
            Pattern.compile("model\\.layers\\.\\d+\\.self_attn\\.rotary_emb\\.inv_freq");

    private ExpectedTensors() {
    }

    /** The expected tensors of {@code config}, in model order; lm_head.weight is optional when tied. */
    public static List<TensorSpec> of(ModelConfig config) {
        return config instanceof Gpt2Config gpt2 ? gpt2(gpt2) : llama((LlamaConfig) config);
    }

    private static List<TensorSpec> gpt2(Gpt2Config c) {
        long v = c.vocabSize();
        long e = c.nEmbd();
        long inner = c.innerSize();
        List<TensorSpec> specs = new ArrayList<>();
        specs.add(spec("transformer.wte.weight", v, e));
        specs.add(spec("transformer.wpe.weight", c.nPositions(), e));
        for (int i = 0; i < c.nLayer(); i++) {
            String p = "transformer.h." + i + ".";
            specs.add(spec(p + "ln_1.weight", e));
            specs.add(spec(p + "ln_1.bias", e));
            specs.add(spec(p + "attn.c_attn.weight", e, 3 * e));
            specs.add(spec(p + "attn.c_attn.bias", 3 * e));
            specs.add(spec(p + "attn.c_proj.weight", e, e));
            specs.add(spec(p + "attn.c_proj.bias", e));
            specs.add(spec(p + "ln_2.weight", e));
            specs.add(spec(p + "ln_2.bias", e));
            specs.add(spec(p + "mlp.c_fc.weight", e, inner));
            specs.add(spec(p + "mlp.c_fc.bias", inner));
            specs.add(spec(p + "mlp.c_proj.weight", inner, e));
            specs.add(spec(p + "mlp.c_proj.bias", e));
        }
        specs.add(spec("transformer.ln_f.weight", e));
        specs.add(spec("transformer.ln_f.bias", e));
        specs.add(new TensorSpec("lm_head.weight", new long[] {v, e}, c.tieWordEmbeddings()));
        return specs;
    }

    private static List<TensorSpec> llama(LlamaConfig c) {
        long v = c.vocabSize();
        long h = c.hiddenSize();
        long q = (long) c.numAttentionHeads() * c.headDim();
        long kv = (long) c.numKeyValueHeads() * c.headDim();
        long inner = c.intermediateSize();
        List<TensorSpec> specs = new ArrayList<>();
        specs.add(spec("model.embed_tokens.weight", v, h));
        for (int i = 0; i < c.numHiddenLayers(); i++) {
            String p = "model.layers." + i + ".";
            specs.add(spec(p + "input_layernorm.weight", h));
            specs.add(spec(p + "self_attn.q_proj.weight", q, h));
            specs.add(spec(p + "self_attn.k_proj.weight", kv, h));
            specs.add(spec(p + "self_attn.v_proj.weight", kv, h));
            specs.add(spec(p + "self_attn.o_proj.weight", h, q));
            specs.add(spec(p + "post_attention_layernorm.weight", h));
            specs.add(spec(p + "mlp.gate_proj.weight", inner, h));
            specs.add(spec(p + "mlp.up_proj.weight", inner, h));
            specs.add(spec(p + "mlp.down_proj.weight", h, inner));
        }
        specs.add(spec("model.norm.weight", h));
        specs.add(new TensorSpec("lm_head.weight", new long[] {v, h}, c.tieWordEmbeddings()));
        return specs;
    }

    private static TensorSpec spec(String name, long... shape) {
        return new TensorSpec(name, shape, false);
    }

    /**
     * The canonical name of a stored tensor: adds the "transformer." (GPT-2) or "model." (Llama)
     * prefix that base-model checkpoints (GPT2Model, LlamaModel) omit; empty for non-parameter
     * buffers to drop (GPT-2 attn.bias / attn.masked_bias, Llama rotary_emb.inv_freq).
     */
    public static Optional<String> normalizeName(String name, ModelConfig config) {
        boolean gpt2 = config instanceof Gpt2Config;
        Pattern bare = gpt2 ? GPT2_BARE : LLAMA_BARE;
        String canonical = bare.matcher(name).matches() ? (gpt2 ? "transformer." : "model.") + name : name;
        Pattern buffer = gpt2 ? GPT2_BUFFER : LLAMA_BUFFER;
        return buffer.matcher(canonical).matches() ? Optional.empty() : Optional.of(canonical);
    }

    /** The tensors under canonical names (see {@link #normalizeName}), buffers dropped, order kept. */
    public static Map<String, TensorData> normalize(Map<String, TensorData> tensors, ModelConfig config, Path folder) {
        Map<String, TensorData> out = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        tensors.forEach((name, tensor) -> normalizeName(name, config).ifPresent(canonical -> {
            String earlier = sources.putIfAbsent(canonical, name);
            if (earlier != null) {
                throw new CheckpointException(folder + ": tensor '" + canonical + "' is stored twice, as '"
                        + earlier + "' and '" + name + "'");
            }
            out.put(canonical, canonical.equals(tensor.name()) ? tensor : tensor.withName(canonical));
        }));
        return out;
    }

    /**
     * Checks names, shapes and floating-point dtypes against {@code config}; names are normalized
     * first. Extra tensors are only logged.
     *
     * @throws CheckpointException naming the folder and each missing or mis-shaped tensor
     */
    public static void check(Map<String, TensorData> tensors, ModelConfig config, Path folder) {
        Map<String, TensorData> byName = normalize(tensors, config, folder);
        List<String> problems = new ArrayList<>();
        for (TensorSpec spec : of(config)) {
            TensorData found = byName.remove(spec.name());
            if (found == null) {
                if (!spec.optional()) {
                    problems.add("tensor '" + spec.name() + "' is missing");
                }
            } else if (!Arrays.equals(found.shape(), spec.shape())) {
                problems.add("tensor '" + spec.name() + "' has shape " + Arrays.toString(found.shape())
                        + ", expected " + Arrays.toString(spec.shape()));
            } else if (!found.dtype().isFloatingPoint()) {
                problems.add("tensor '" + spec.name() + "' has dtype " + found.dtype() + ", expected F32, F16 or BF16");
            }
        }
        byName.keySet().removeAll(KNOWN_HEADS);  // reward / value heads travel with the backbone
        if (!byName.isEmpty()) {
            LOG.warn("{}: {} tensors not used by a {} model, ignored: {}", folder, byName.size(),
                    config.modelType(), byName.keySet());
        }
        if (!problems.isEmpty()) {
            String listed = String.join("; ", problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS_LISTED)));
            String more = problems.size() > MAX_PROBLEMS_LISTED
                    ? " (and " + (problems.size() - MAX_PROBLEMS_LISTED) + " more)" : "";
            throw new CheckpointException(folder + " does not match its " + config.modelType() + " config.json: "
                    + listed + more);
        }
    }
}
