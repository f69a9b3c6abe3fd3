package org.rlhfworkbench.lm.family;

import org.rlhfworkbench.lm.io.AtomicFiles;
import org.rlhfworkbench.lm.io.JsonFormat;
import org.rlhfworkbench.lm.io.CheckpointException;
import org.rlhfworkbench.lm.io.ConfigReader;
import org.rlhfworkbench.lm.io.ModelConfig;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads and writes a Hugging Face config.json, dispatching on "model_type" to the registered
 * {@link ModelFamily}. Written files load in transformers; keys a family does not model are carried
 * through {@code extra}. An eos_token_id missing from config.json is taken from generation_config.json.
 */
public final class HfConfig {
    public static final String FILE_NAME = "config.json";
    public static final String GENERATION_CONFIG = "generation_config.json";
    /** Written as "transformers_version" when the config came from nowhere: the format followed here. */
    static final String TRANSFORMERS_VERSION = "4.52.3";

    private HfConfig() {
    }

    /** Reads {@code folder}/config.json (and generation_config.json for eos ids) and dispatches on "model_type". */
    public static ModelConfig read(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new CheckpointException("model folder not found: " + folder);
        }
        Path file = folder.resolve(FILE_NAME);
        ObjectNode object = readObject(file, true);
        JsonNode eos = object.get("eos_token_id");
        if (eos == null || eos.isNull()) {
            Path gen = folder.resolve(GENERATION_CONFIG);
            if (Files.isRegularFile(gen)) {
                JsonNode genEos = readObject(gen, false).get("eos_token_id");
                if (genEos != null && !genEos.isNull()) {
                    object.set("eos_token_id", genEos);
                }
            }
        }
        return fromJson(object, file);
    }

    private static ObjectNode readObject(Path file, boolean required) {
        JsonNode root;
        try {
            root = JsonFormat.MAPPER.readTree(file.toFile());
        } catch (NoSuchFileException | FileNotFoundException e) {
            throw new CheckpointException("no " + file.getFileName() + " in model folder " + file.getParent()
                    + " (expected " + file + ")");
        } catch (JsonProcessingException e) {
            throw new CheckpointException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new CheckpointException("cannot read " + file + ": " + e, e);
        }
        if (!(root instanceof ObjectNode object)) {
            throw new CheckpointException(file + ": not a JSON object");
        }
        return object;
    }

    /** Builds the config from a parsed config.json; {@code file} is only named in error messages. */
    public static ModelConfig fromJson(ObjectNode root, Path file) {
        JsonNode type = root.get("model_type");
        if (type == null || !type.isTextual()) {
            throw new CheckpointException(file + ": no \"model_type\"; supported: " + ModelFamilies.supported());
        }
        ModelFamily family = ModelFamilies.find(type.textValue()).orElseThrow(() -> new CheckpointException(
                "unknown model_type '" + type.textValue() + "' in " + file + "; supported: " + ModelFamilies.supported()));
        ConfigReader reader = new ConfigReader(root, file);
        reader.consume("model_type", "architectures", "torch_dtype", "dtype");
        ModelConfig config;
        try {
            config = family.read(reader);
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(file + ": " + e.getMessage(), e);
        }
        for (int eos : config.eosTokenIds()) {
            if (eos < 0 || eos >= config.vocabSize()) {
                throw new CheckpointException(file + ": eos_token_id " + eos + " is outside the vocabulary (vocab_size "
                        + config.vocabSize() + ")");
            }
        }
        return config;
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
        ModelFamily family = ModelFamilies.of(config);
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
        out.putArray("architectures").add(family.architecture());
        family.write(config, out);
        return out;
    }
}
