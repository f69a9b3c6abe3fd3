package org.rlhfworkbench.jobs.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A reward model folder in the layout transformers loads with AutoModelForSequenceClassification:
 * the backbone's tensors plus "score.weight", config architectures *ForSequenceClassification,
 * num_labels 1 and a pad token (transformers needs one to find the last token of padded rows).
 */
public final class RewardFolders {
    private RewardFolders() {
    }

    static void markSequenceClassifier(Path folder, int padId) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Path file = folder.resolve("config.json");
        ObjectNode cfg = (ObjectNode) json.readTree(file.toFile());
        String type = cfg.path("model_type").asText();
        cfg.putArray("architectures").add(type.equals("llama") ? "LlamaForSequenceClassification"
                : "GPT2ForSequenceClassification");
        cfg.put("num_labels", 1);
        cfg.putObject("id2label").put("0", "LABEL_0");
        cfg.putObject("label2id").put("LABEL_0", 0);
        if (!cfg.hasNonNull("pad_token_id")) {
            cfg.put("pad_token_id", padId);
        }
        Path tmp = folder.resolve("config.json.tmp");
        Files.writeString(tmp, json.writerWithDefaultPrettyPrinter().writeValueAsString(cfg) + "\n");
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static boolean isRewardModel(Path folder) {
        return Files.isRegularFile(folder.resolve(RewardJob.STATS_FILE));
    }
}
