package org.rlhfworkbench.lm.family;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import org.rlhfworkbench.core.ModelFacts;
import org.rlhfworkbench.lm.io.DType;
import org.rlhfworkbench.lm.io.JsonFormat;
import org.rlhfworkbench.lm.io.ModelConfig;
import org.rlhfworkbench.lm.io.TensorData;
import org.rlhfworkbench.lm.io.TensorSpec;

/** Facts about a model folder for pickers and tables: config and safetensors headers only, no weights read. */
public final class ModelCards {
    private ModelCards() {
    }

    /** @throws org.rlhfworkbench.lm.io.CheckpointException when the folder is not a readable checkpoint */
    public static ModelFacts read(Path folder) {
        if (org.rlhfworkbench.lm.lora.PeftAdapters.isAdapter(folder)) {   // a LoRA adapter: its base's facts
            Path base = org.rlhfworkbench.lm.lora.PeftAdapters.resolveBase(folder,
                    org.rlhfworkbench.lm.lora.PeftAdapters.baseName(folder));
            ModelFacts f = read(base);
            return new ModelFacts(f.family(), f.parameters(), f.dtype(), f.chatTemplate() || hasChatTemplate(folder));
        }
        ModelConfig config = HfConfig.read(folder);
        Map<String, TensorData> stored = ExpectedTensors.normalize(Checkpoints.readTensors(folder), config, folder);
        long params = 0;
        Map<DType, Long> bytesByType = new EnumMap<>(DType.class);
        for (TensorSpec spec : ExpectedTensors.of(config)) {
            TensorData t = stored.get(spec.name());
            if (t != null) {
                params += t.elementCount();
                bytesByType.merge(t.dtype(), t.elementCount(), Long::sum);
            }
        }
        String dtype = bytesByType.entrySet().stream().max(Comparator.comparingLong(Map.Entry::getValue))
                .map(e -> e.getKey().name()).orElse("?");
        return new ModelFacts(config.modelType(), params, dtype, hasChatTemplate(folder));
    }

    /** tokenizer_config.json "chat_template", or chat_template.jinja / chat_template.json beside it. */
    public static boolean hasChatTemplate(Path folder) {
        if (Files.isRegularFile(folder.resolve("chat_template.jinja"))
                || Files.isRegularFile(folder.resolve("chat_template.json"))) {
            return true;
        }
        Path config = folder.resolve("tokenizer_config.json");
        if (!Files.isRegularFile(config)) {
            return false;
        }
        try {
            JsonNode t = JsonFormat.MAPPER.readTree(config.toFile()).path("chat_template");
            return t.isTextual() && !t.asText().isBlank() || t.isArray() && !t.isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}
