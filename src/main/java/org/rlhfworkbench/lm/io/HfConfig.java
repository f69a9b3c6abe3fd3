package org.rlhfworkbench.lm.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads and writes a Hugging Face config.json for the supported families (gpt2, llama). Written
 * files load in transformers; keys the records do not model are carried through {@code extra}.
 */
public final class HfConfig {
    public static final String FILE_NAME = "config.json";
    /** Written as "transformers_version" when the config came from nowhere: the format followed here. */
    static final String TRANSFORMERS_VERSION = "4.52.3";
    private static final String SUPPORTED = "gpt2, llama";

    private HfConfig() {
    }

    /** Reads {@code folder}/config.json and dispatches on its "model_type". */
    public static ModelConfig read(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new CheckpointException("model folder not found: " + folder);
        }
        Path file = folder.resolve(FILE_NAME);
        JsonNode root;
        try {
            root = JsonFormat.MAPPER.readTree(file.toFile());
        } catch (NoSuchFileException | FileNotFoundException e) {
            throw new CheckpointException("no " + FILE_NAME + " in model folder " + folder
                    + " (expected " + file + ")");
        } catch (JsonProcessingException e) {
            throw new CheckpointException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new CheckpointException("cannot read " + file + ": " + e, e);
        }
        if (!(root instanceof ObjectNode object)) {
            throw new CheckpointException(file + ": not a JSON object");
        }
        return fromJson(object, file);
    }

    /** Builds the config from a parsed config.json; {@code file} is only named in error messages. */
    public static ModelConfig fromJson(ObjectNode root, Path file) {
        JsonNode type = root.get("model_type");
        if (type == null || !type.isTextual()) {
            throw new CheckpointException(file + ": no \"model_type\"; supported: " + SUPPORTED);
        }
        ConfigReader reader = new ConfigReader(root, file);
        reader.consume("model_type", "architectures", "torch_dtype");
        try {
            return switch (type.textValue()) {
                case Gpt2Config.MODEL_TYPE -> gpt2(reader);
                case LlamaConfig.MODEL_TYPE -> llama(reader);
                default -> throw new CheckpointException("unknown model_type '" + type.textValue() + "' in " + file
                        + "; supported: " + SUPPORTED);
            };
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(file + ": " + e.getMessage(), e);
        }
    }

    private static Gpt2Config gpt2(ConfigReader in) {
        return new Gpt2Config(in.integer("vocab_size", 50257), in.integer("n_positions", 1024),
                in.integer("n_embd", 768), in.integer("n_layer", 12), in.integer("n_head", 12),
                in.nullableInteger("n_inner", null), in.number("layer_norm_epsilon", 1e-5),
                in.text("activation_function", "gelu_new"), in.nullableInteger("bos_token_id", 50256),
                in.nullableInteger("eos_token_id", 50256), in.bool("tie_word_embeddings", true), in.rest());
    }

    private static LlamaConfig llama(ConfigReader in) {
        for (String key : List.of("attention_bias", "mlp_bias")) {
            if (in.bool(key, false)) {
                throw in.fail(key, "is not supported (Llama with bias terms)");
            }
        }
        int hidden = in.integer("hidden_size", 4096);
        int heads = in.integer("num_attention_heads", 32);
        Integer headDim = in.nullableInteger("head_dim", null);
        if (headDim == null && hidden % heads != 0) {
            throw in.fail("hidden_size", "is not divisible by num_attention_heads " + heads);
        }
        return new LlamaConfig(in.integer("vocab_size", 32000), hidden, in.integer("intermediate_size", 11008),
                in.integer("num_hidden_layers", 32), heads, in.integer("num_key_value_heads", heads),
                in.number("rms_norm_eps", 1e-6), in.number("rope_theta", 10000.0),
                in.integer("max_position_embeddings", 2048), in.bool("tie_word_embeddings", false),
                in.nullableInteger("bos_token_id", 1), in.integers("eos_token_id", List.of(2)),
                in.text("hidden_act", "silu"), headDim != null ? headDim : hidden / heads, in.rest());
    }

    /** Writes {@code folder}/config.json (temporary file, then rename); creates the folder if needed. */
    public static void write(Path folder, ModelConfig config) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new CheckpointException("cannot create model folder " + folder + ": " + e, e);
        }
        AtomicFiles.writeString(folder.resolve(FILE_NAME), toJsonString(config));
    }

    /** The config.json text: keys sorted, two-space indent, as transformers writes it. */
    public static String toJsonString(ModelConfig config) {
        return JsonFormat.pretty(toJson(config));
    }

    /** The config.json object: {@code extra} plus every modelled key under its HF name. */
    public static ObjectNode toJson(ModelConfig config) {
        ObjectNode out = config.extra();
        out.put("model_type", config.modelType());
        out.put("torch_dtype", "float32");
        if (out.has("dtype")) { // transformers >= 4.56 spells it this way
            out.put("dtype", "float32");
        }
        if (!out.has("transformers_version")) {
            out.put("transformers_version", TRANSFORMERS_VERSION);
        }
        out.put("vocab_size", config.vocabSize());
        out.put("tie_word_embeddings", config.tieWordEmbeddings());
        if (config instanceof Gpt2Config gpt2) {
            putGpt2(out, gpt2);
        } else if (config instanceof LlamaConfig llama) {
            putLlama(out, llama);
        }
        return out;
    }

    private static void putGpt2(ObjectNode out, Gpt2Config c) {
        out.putArray("architectures").add("GPT2LMHeadModel");
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

    private static void putLlama(ObjectNode out, LlamaConfig c) {
        out.putArray("architectures").add("LlamaForCausalLM");
        out.put("hidden_size", c.hiddenSize());
        out.put("intermediate_size", c.intermediateSize());
        out.put("num_hidden_layers", c.numHiddenLayers());
        out.put("num_attention_heads", c.numAttentionHeads());
        out.put("num_key_value_heads", c.numKeyValueHeads());
        out.put("head_dim", c.headDim());
        out.put("rms_norm_eps", c.rmsNormEps());
        out.put("rope_theta", c.ropeTheta());
        out.put("max_position_embeddings", c.maxPositionEmbeddings());
        out.put("hidden_act", c.hiddenAct());
        out.put("attention_bias", false);
        out.put("mlp_bias", false);
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
}
