package org.rlhfworkbench.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.rlhfworkbench.lm.family.Checkpoint;
import org.rlhfworkbench.lm.family.Checkpoints;
import org.rlhfworkbench.lm.family.ModelFamilies;
import org.rlhfworkbench.lm.family.ModelFamily;
import org.rlhfworkbench.lm.family.WeightsIo;
import org.rlhfworkbench.lm.io.CheckpointException;
import org.rlhfworkbench.lm.io.ModelConfig;
import org.rlhfworkbench.lm.lora.LoraAdapter;
import org.rlhfworkbench.core.config.LoraConfig;
import org.rlhfworkbench.lm.lora.PeftAdapter;
import org.rlhfworkbench.lm.lora.PeftAdapters;
import org.rlhfworkbench.lm.nd.NoGrad;
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

    /** A model folder, or a PEFT LoRA adapter folder (see {@link #loadAdapter}). */
    public static LanguageModel load(Path folder) {
        if (PeftAdapters.isAdapter(folder)) {
            return loadAdapter(folder);
        }
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
     * A PEFT LoRA folder (ours or PEFT's): its base model, loaded the same way (so adapters on
     * adapters work), with the adapter merged into the weights (W + s B A) and modules_to_save
     * (a reward head) added. The result computes what base + adapter compute, at the base's speed.
     */
    private static LanguageModel loadAdapter(Path folder) {
        PeftAdapter adapter = PeftAdapters.read(folder);
        LanguageModel base = load(PeftAdapters.resolveBase(folder, adapter.base()));
        try {
            adapter.mergeInto(base.model());
        } catch (RuntimeException e) {
            base.close();
            throw e;
        }
        return new LanguageModel(folder, base.config(), base.model(), base.tokenizer());
    }

    /**
     * Writes {@code adapter} as a PEFT folder (adapter_config.json, adapter_model.safetensors) with the
     * tokenizer files of {@code tokenizerFrom}; {@code modulesToSave} are fully trained tensors (a reward head).
     */
    public static void saveAdapter(LoraAdapter adapter, LoraConfig cfg, ModelConfig config, Path folder,
                                   String baseModel, Path tokenizerFrom, Map<String, NDArray> modulesToSave) {
        String task = modulesToSave.isEmpty() ? PeftAdapters.Meta.CAUSAL_LM : PeftAdapters.Meta.SEQ_CLS;
        PeftAdapters.write(folder, adapter, cfg, new PeftAdapters.Meta(baseModel, task, "gpt2".equals(config.modelType())),
                modulesToSave);
        try {
            copyTokenizer(tokenizerFrom, folder);
        } catch (IOException e) {
            throw new CheckpointException("cannot write model folder " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes a full HF folder of {@code model} with {@code adapter} merged in (W + s B A for each
     * adapted layer); the weights in memory are not changed.
     */
    public static void saveMerged(CausalLm model, LoraAdapter adapter, ModelConfig config, Path folder,
                                  Path tokenizerFrom) {
        NoGrad.enter();
        Weights merged = new Weights(model.manager().newSubManager());
        try (merged) {
            model.weights().all().forEach((name, t) -> {
                String module = name.endsWith(".weight") ? name.substring(0, name.length() - 7) : "";
                merged.put(name, adapter.modules().containsKey(module)
                        ? adapter.delta(module, merged.manager()).addi(t) : t);   // s B A + W, in the temporary manager
            });
            save(merged, config, folder, tokenizerFrom);
        }
    }

    /**
     * Writes a valid HF folder: model.safetensors + config.json (+ generation_config.json), and the
     * tokenizer files copied from {@code tokenizerFrom} when given.
     */
    public static void save(CausalLm model, ModelConfig config, Path folder, Path tokenizerFrom) {
        save(model.weights(), config, folder, tokenizerFrom);
    }

    private static void save(Weights weights, ModelConfig config, Path folder, Path tokenizerFrom) {
        try {
            Files.createDirectories(folder);
            copyTokenizer(tokenizerFrom, folder);
            writeGenerationConfig(config, folder);
        } catch (IOException e) {
            throw new CheckpointException("cannot write model folder " + folder + ": " + e.getMessage(), e);
        }
        Checkpoints.write(folder, config, WeightsIo.toTensors(ModelFamilies.of(config), weights));
    }

    /** Copies the tokenizer files; from an adapter folder without them, from its base's folder. */
    private static void copyTokenizer(Path from, Path folder) throws IOException {
        Files.createDirectories(folder);
        while (from != null && !Files.exists(from.resolve("tokenizer.json")) && PeftAdapters.isAdapter(from)) {
            from = PeftAdapters.resolveBase(from, PeftAdapters.baseName(from));
        }
        if (from == null || from.toAbsolutePath().equals(folder.toAbsolutePath())) {
            return;
        }
        for (String f : TOKENIZER_FILES) {
            if (Files.exists(from.resolve(f))) {
                Files.copy(from.resolve(f), folder.resolve(f), StandardCopyOption.REPLACE_EXISTING);
            }
        }
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
