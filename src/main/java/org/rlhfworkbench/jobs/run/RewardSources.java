package org.rlhfworkbench.jobs.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rlhfworkbench.core.ModelEntry;
import org.rlhfworkbench.core.ModelKind;
import org.rlhfworkbench.lm.LanguageModel;
import org.rlhfworkbench.lm.LanguageModels;
import org.rlhfworkbench.store.Project;
import org.rlhfworkbench.train.ppo.Scorer;
import org.rlhfworkbench.train.reward.RewardModel;
import org.rlhfworkbench.train.rewards.ExactAnswerSource;
import org.rlhfworkbench.train.rewards.LengthPenaltySource;
import org.rlhfworkbench.train.rewards.RegexSource;
import org.rlhfworkbench.train.rewards.RewardMix;
import org.rlhfworkbench.train.rewards.RewardModelSource;
import org.rlhfworkbench.train.rewards.RewardSource;
import org.rlhfworkbench.train.rewards.RubricSource;

/** Builds the reward sources of a run from its specs; owns the reward models it loads. */
final class RewardSources implements AutoCloseable {
    static final int DEFAULT_LENGTH_TARGET = 16;
    private final List<LanguageModel> loaded = new ArrayList<>();
    private Scorer firstRewardModel;

    /** The mix; reward models are loaded from the project (rm = the newest, rm=ID that one). */
    RewardMix build(Project project, List<RewardSpec> specs, boolean normalise) throws IOException {
        List<RewardMix.Weighted> out = new ArrayList<>();
        for (RewardSpec s : specs) {
            out.add(new RewardMix.Weighted(source(project, s), s.weight()));
        }
        return new RewardMix(out, normalise);
    }

    /** The first reward model's scorer (for probe samples), or null when the mix has none. */
    Scorer firstRewardModel() {
        return firstRewardModel;
    }

    private RewardSource source(Project project, RewardSpec s) throws IOException {
        return switch (s.kind()) {
            case "rm" -> rewardModel(project, s);
            case "exact" -> new ExactAnswerSource();
            case "format" -> RegexSource.format();
            case "regex" -> new RegexSource("regex", s.arg());
            case "length" -> new LengthPenaltySource(s.arg() == null ? DEFAULT_LENGTH_TARGET : Integer.parseInt(s.arg()));
            case "rubric" -> new RubricSource();
            default -> throw new IllegalArgumentException("unknown reward source " + s.kind());
        };
    }

    private RewardSource rewardModel(Project project, RewardSpec s) throws IOException {
        Long id = s.arg() == null ? null : Long.parseLong(s.arg());
        ModelEntry entry = ModelPicker.pick(project, id, ModelKind.REWARD);
        Path folder = ModelPicker.folder(project, entry);
        LanguageModel lm = LanguageModels.load(folder);
        loaded.add(lm);
        JsonNode stats = new ObjectMapper().readTree(folder.resolve(RewardJob.STATS_FILE).toFile());
        double mean = stats.path("reward_mean").asDouble(0);
        double std = Math.max(1e-3, stats.path("reward_std").asDouble(1));
        Scorer scorer = Scorer.of(new RewardModel(lm.model()), mean, std);
        if (firstRewardModel == null) {
            firstRewardModel = scorer;
        }
        return new RewardModelSource(s.name(), scorer);
    }

    @Override
    public void close() {
        loaded.forEach(LanguageModel::close);
    }
}
