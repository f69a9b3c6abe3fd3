package org.rlhfworkbench.lm;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.rlhfworkbench.lm.family.Checkpoint;
import org.rlhfworkbench.lm.family.Checkpoints;
import org.rlhfworkbench.lm.family.ModelFamilies;
import org.rlhfworkbench.lm.family.ModelFamily;
import org.rlhfworkbench.lm.family.WeightsIo;
import org.rlhfworkbench.lm.io.CheckpointException;
import org.rlhfworkbench.lm.io.ModelConfig;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.lm.model.Weights;
import org.rlhfworkbench.lm.tokenizer.TextTokenizer;
import org.rlhfworkbench.lm.tokenizer.Tokenizers;

/** Loads and saves Hugging Face model folders (config.json, model.safetensors, tokenizer.json). */
public final class LanguageModels {
    static final List<String> TOKENIZER_FILES = List.of("tokenizer.json", "tokenizer_config.json",
            "special_tokens_map.json", "vocab.json", "merges.txt", "chat_template.jinja", "chat_template.json");

    private LanguageModels() {
    }

    public static LanguageModel load(Path folder) {
        Checkpoint cp = Checkpoints.load(folder);
        TextTokenizer tok;
        try {
            tok = Tokenizers.load(folder);
        } catch (IOException e) {
            throw new CheckpointException("cannot read the tokenizer in " + folder + ": " + e.getMessage(), e);
        }
        if (tok.vocabSize() > cp.config().vocabSize()) {
            closeQuietly(tok);
            throw new CheckpointException(folder.resolve("tokenizer.json") + " has " + tok.vocabSize()
                    + " tokens but the model's embedding has only " + cp.config().vocabSize() + " rows (vocab_size in "
                    + folder.resolve("config.json") + ")");
        }
        NDManager m = NDManager.newBaseManager(Devices.chosen());
        try {
            Weights w = WeightsIo.load(m, cp);
            ModelFamily family = ModelFamilies.of(cp.config());
            return new LanguageModel(folder, cp.config(), family.build(cp.config(), w, folder), tok);
        } catch (RuntimeException e) {
            m.close();
            closeQuietly(tok);
            throw e;
        }
    }

    /**
     * Writes a valid HF folder: model.safetensors + config.json (+ generation_config.json), and the
     * tokenizer files copied from {@code tokenizerFrom} when given.
     */
    public static void save(CausalLm model, ModelConfig config, Path folder, Path tokenizerFrom) {
        try {
            Files.createDirectories(folder);
            if (tokenizerFrom != null && !tokenizerFrom.toAbsolutePath().equals(folder.toAbsolutePath())) {
                for (String f : TOKENIZER_FILES) {
                    if (Files.exists(tokenizerFrom.resolve(f))) {
                        Files.copy(tokenizerFrom.resolve(f), folder.resolve(f), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            writeGenerationConfig(config, folder);
        } catch (IOException e) {
            throw new CheckpointException("cannot write model folder " + folder + ": " + e.getMessage(), e);
        }
        Checkpoints.write(folder, config, WeightsIo.toTensors(ModelFamilies.of(config), model.weights()));
    }

    private static void writeGenerationConfig(ModelConfig config, Path folder) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode o = json.createObjectNode();
        Integer bos = config.bosTokenId();
        if (bos != null) {
            o.put("bos_token_id", bos);
        }
        List<Integer> eos = config.eosTokenIds();
        if (eos.size() == 1) {
            o.put("eos_token_id", eos.get(0));
        } else if (!eos.isEmpty()) {
            eos.forEach(o.putArray("eos_token_id")::add);
        }
        o.put("transformers_version", "4.52.3");
        Files.writeString(folder.resolve("generation_config.json"),
                json.writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n");
    }

    private static void closeQuietly(TextTokenizer tok) {
        try {
            tok.close();
        } catch (Exception ignored) {
            // already failing with a clearer error
        }
    }
}
