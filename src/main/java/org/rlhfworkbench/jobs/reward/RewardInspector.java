package org.rlhfworkbench.jobs.reward;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rlhfworkbench.core.Generation;
import org.rlhfworkbench.core.ModelEntry;
import org.rlhfworkbench.core.ModelKind;
import org.rlhfworkbench.core.Prompt;
import org.rlhfworkbench.jobs.label.PromptFormat;
import org.rlhfworkbench.jobs.run.Jobs;
import org.rlhfworkbench.jobs.run.ModelPicker;
import org.rlhfworkbench.jobs.run.RankedData;
import org.rlhfworkbench.jobs.run.RewardJob;
import org.rlhfworkbench.lm.LanguageModel;
import org.rlhfworkbench.lm.LanguageModels;
import org.rlhfworkbench.store.Project;
import org.rlhfworkbench.train.data.Order;
import org.rlhfworkbench.core.config.RewardConfig;
import org.rlhfworkbench.train.reward.RewardModel;

/**
 * A reward model loaded for inspection: scores the held-out rankings of the split its run used
 * (seed and val_fraction from reward_stats.json) and any text for any prompt. Holds native
 * memory until closed; use it from one background thread.
 */
public final class RewardInspector implements AutoCloseable {
    private final Project project;
    private final ModelEntry model;
    private final LanguageModel lm;
    private final RewardModel rm;
    private final long seed;
    private final double valFraction;
    private final int maxLength;

    private RewardInspector(Project project, ModelEntry model, LanguageModel lm, JsonNode stats) {
        RewardConfig d = RewardConfig.defaults();
        this.project = project;
        this.model = model;
        this.lm = lm;
        this.rm = new RewardModel(lm.model());
        this.seed = stats.path("seed").asLong(d.seed());
        this.valFraction = stats.path("val_fraction").asDouble(d.valFraction());
        this.maxLength = trainedLength(project, stats, lm.model().shape().maxPositions());
    }

    /** Loads reward model {@code modelId} (null: the newest reward model). */
    public static RewardInspector open(Project project, Long modelId) throws IOException {
        ModelEntry model = ModelPicker.pick(project, modelId, ModelKind.REWARD);
        Path folder = ModelPicker.folder(project, model);
        Path statsFile = folder.resolve(RewardJob.STATS_FILE);
        JsonNode stats = Files.isRegularFile(statsFile) ? new ObjectMapper().readTree(statsFile.toFile())
                : new ObjectMapper().createObjectNode();
        return new RewardInspector(project, model, LanguageModels.load(folder), stats);
    }

    public ModelEntry model() {
        return model;
    }

    public long seed() {
        return seed;
    }

    public double valFraction() {
        return valFraction;
    }

    /** Scores every held-out ranked prompt. */
    public RewardInspection inspect() {
        List<ScoredGroup> groups = new ArrayList<>();
        for (RankedData.Labeled l : RankedData.loadLabeled(project, PromptFormat.of(project).encoder(lm), maxLength)) {
            if (!Order.heldOut(l.prompt().id(), seed, valFraction)) {
                continue;
            }
            float[] r = rm.score(l.group());
            double[] scores = new double[r.length];
            for (int i = 0; i < r.length; i++) {
                scores[i] = r[i];
            }
            groups.add(new ScoredGroup(l.prompt().id(), l.prompt().text(),
                    l.generations().stream().map(Generation::id).toList(),
                    l.generations().stream().map(Generation::text).toList(), l.group().ranks(), scores));
        }
        return RewardInspection.of(groups);
    }

    /** Every prompt of the project, for scoring a typed answer to any of them. */
    public List<Prompt> prompts() {
        return project.prompts().all();
    }

    /** The reward of {@code response} as an answer to prompt {@code promptId}. */
    public double score(long promptId, String response) {
        Prompt prompt = project.prompts().get(promptId);
        if (prompt == null) {
            throw new IllegalArgumentException("no prompt " + promptId + " in " + project.dir());
        }
        return rm.score(RankedData.single(PromptFormat.of(project).encoder(lm), maxLength, prompt, response))[0];
    }

    @Override
    public void close() {
        lm.close();
    }

    /** The max_length of the run that trained the model, capped by the model; else the model's limit. */
    private static int trainedLength(Project project, JsonNode stats, int maxPositions) {
        if (!stats.has("run")) {
            return maxPositions;
        }
        try {
            int len = Jobs.config(project, stats.get("run").asLong()).path("config").path("reward")
                    .path("maxLength").asInt(maxPositions);
            return Math.min(len, maxPositions);
        } catch (IOException | IllegalArgumentException e) {
            return maxPositions;
        }
    }
}
