package org.rlhfworkbench.jobs.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.rlhfworkbench.core.ModelEntry;
import org.rlhfworkbench.core.ModelKind;
import org.rlhfworkbench.formats.ImportFormat;
import org.rlhfworkbench.formats.Importer;
import org.rlhfworkbench.jobs.label.PromptFormat;
import org.rlhfworkbench.lm.LanguageModel;
import org.rlhfworkbench.lm.LanguageModels;
import org.rlhfworkbench.store.Project;
import org.rlhfworkbench.train.data.Order;
import org.rlhfworkbench.train.reward.RankedGroup;
import org.rlhfworkbench.train.reward.RewardEval;
import org.rlhfworkbench.train.reward.RewardModel;

/**
 * Pairwise accuracy of a reward model: on the project's held-out rankings (the split its run
 * used), or on a preference file (TRL / HH / OpenRLHF / RLHFlow) read into a scratch project.
 */
public final class RewardEvaluation {
    /** What was evaluated and the figures. */
    public record Result(long modelId, String data, int prompts, RewardEval eval) {
    }

    private RewardEvaluation() {
    }

    public static Result onProject(Project project, Long modelId) throws IOException {
        ModelEntry model = ModelPicker.pick(project, modelId, ModelKind.REWARD);
        Path folder = ModelPicker.folder(project, model);
        JsonNode stats = new ObjectMapper().readTree(folder.resolve(RewardJob.STATS_FILE).toFile());
        long seed = stats.path("seed").asLong(42);
        double fraction = stats.path("val_fraction").asDouble(0.15);
        try (LanguageModel lm = LanguageModels.load(folder)) {
            List<RankedGroup> held = RankedData.load(project, PromptFormat.of(project).encoder(lm),
                    lm.model().shape().maxPositions()).stream()
                    .filter(g -> Order.heldOut(g.promptId(), seed, fraction)).toList();
            return new Result(model.id(), "held-out project rankings", held.size(),
                    RewardEval.of(new RewardModel(lm.model()), held));
        }
    }

    public static Result onFile(Project project, Long modelId, Path file, ImportFormat format) throws IOException {
        ModelEntry model = ModelPicker.pick(project, modelId, ModelKind.REWARD);
        Path scratch = Files.createTempDirectory("rlhf-reward-eval");
        try (Project data = Project.create(scratch.resolve("p"));
             LanguageModel lm = LanguageModels.load(ModelPicker.folder(project, model))) {
            Importer.importFile(data, file, format, false);
            List<RankedGroup> groups = RankedData.load(data, PromptFormat.of(project).encoder(lm),
                    lm.model().shape().maxPositions());
            return new Result(model.id(), file.toString(), groups.size(),
                    RewardEval.of(new RewardModel(lm.model()), groups));
        } finally {
            deleteTree(scratch);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
