package org.rlhfworkbench.jobs.reward;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rlhfworkbench.jobs.run.RewardJob;

/**
 * When a reward model's scores will mean little: trained on fewer than {@value #MIN_RANKINGS}
 * ranked prompts, or right on fewer than {@value #MIN_ACCURACY} of its held-out pairs (0.5 is a
 * coin). Read from the reward_stats.json its run wrote; a model without one (imported) is not judged.
 */
public final class RewardModelCheck {
    /** Fewer ranked prompts than this: the model has seen too few preferences to generalise. */
    public static final int MIN_RANKINGS = 50;
    /** Held-out pairwise accuracy under this: barely better than a coin. */
    public static final double MIN_ACCURACY = 0.6;
    private static final ObjectMapper JSON = new ObjectMapper();

    private RewardModelCheck() {
    }

    /** The warning for the stats of one reward model, or null when it looks usable. */
    public static String judge(int trainRankings, Double heldOutAccuracy) {
        List<String> why = new ArrayList<>();
        if (trainRankings < MIN_RANKINGS) {
            why.add("trained on " + trainRankings + " rankings (under " + MIN_RANKINGS + ")");
        }
        if (heldOutAccuracy == null) {
            why.add("no held-out accuracy");
        } else if (heldOutAccuracy < MIN_ACCURACY) {
            why.add(String.format(Locale.ROOT, "held-out accuracy %.2f (under %.1f)", heldOutAccuracy, MIN_ACCURACY));
        }
        return why.isEmpty() ? null : String.join(", ", why);
    }

    /** The warning for the reward model in {@code folder}, or null (usable, or no stats to judge by). */
    public static String warning(Path folder) {
        Path stats = folder.resolve(RewardJob.STATS_FILE);
        if (!Files.isRegularFile(stats)) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(stats.toFile());
            JsonNode acc = n.get("eval_accuracy");
            return judge(n.path("train_prompts").asInt(0), acc == null || !acc.isNumber() ? null : acc.asDouble());
        } catch (IOException e) {
            return "cannot read " + stats.getFileName() + ": " + e.getMessage();
        }
    }
}
