package org.rlhfworkbench.jobs.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.rlhfworkbench.core.ModelEntry;
import org.rlhfworkbench.core.ModelKind;
import org.rlhfworkbench.core.Prompt;
import org.rlhfworkbench.jobs.label.PromptFormat;
import org.rlhfworkbench.lm.LanguageModel;
import org.rlhfworkbench.lm.LanguageModels;
import org.rlhfworkbench.lm.chat.PromptEncoder;
import org.rlhfworkbench.lm.tokenizer.SameTokenizer;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.store.Project;
import org.rlhfworkbench.train.data.Order;
import org.rlhfworkbench.train.ppo.Probes;
import org.rlhfworkbench.train.ppo.Scorer;
import org.rlhfworkbench.train.reward.RewardModel;

/** What the DPO jobs share with PPO: the held-out split, the reward model as a scorer, probe prompts. */
final class DpoSetup {
    static final int PROBES = PpoJob.PROBES;

    private DpoSetup() {
    }

    /** The same held-out prompts as PPO with the same seed, so all policies are compared on one set. */
    static boolean heldOut(long promptId, long seed, double fraction) {
        return Order.heldOut(promptId, seed + 17, fraction);
    }

    /** A loaded reward model and its normalised scorer. */
    record Reward(ModelEntry entry, LanguageModel model, Scorer scorer) implements AutoCloseable {
        @Override
        public void close() {
            model.close();
        }
    }

    /**
     * The reward model {@code id} or the newest; empty when the project has none and none was named.
     * Refused when its tokenizer differs from the {@code policy}'s.
     */
    static Optional<Reward> reward(Project project, Long id, LanguageModel policy) throws java.io.IOException {
        if (id == null && project.models().all().stream().noneMatch(m -> m.kind() == ModelKind.REWARD)) {
            return Optional.empty();
        }
        ModelEntry e = ModelPicker.pick(project, id, ModelKind.REWARD);
        Path folder = ModelPicker.folder(project, e);
        LanguageModel lm = LanguageModels.load(folder);
        try {
            SameTokenizer.require(policy.tokenizer(), policy.folder(), lm.tokenizer(), folder, "reward model");
        } catch (IllegalArgumentException different) {
            lm.close();
            throw different;
        }
        JsonNode stats = new ObjectMapper().readTree(folder.resolve(RewardJob.STATS_FILE).toFile());
        double mean = stats.path("reward_mean").asDouble(0);
        double std = Math.max(1e-3, stats.path("reward_std").asDouble(1));
        return Optional.of(new Reward(e, lm, Scorer.of(new RewardModel(lm.model()), mean, std)));
    }

    /** The ids that end an answer of {@code lm} in the project's prompt format (EOS, and the chat end of turn). */
    static Set<Integer> eos(Project project, LanguageModel lm) {
        return PromptFormat.of(project).encoder(lm).stopIds();
    }

    /** The first held-out prompts that fit, answered by policy and reference every few steps. */
    static Probes probes(Project project, LanguageModel policy, CausalLm reference, Scorer scorer, long seed,
                         double fraction, float temperature, int maxNewTokens) {
        PromptEncoder enc = PromptFormat.of(project).encoder(policy);
        int maxPrompt = policy.model().shape().maxPositions() - maxNewTokens;
        List<int[]> probes = project.prompts().all().stream().filter(p -> heldOut(p.id(), seed, fraction))
                .map(enc::encode)
                .filter(ids -> ids.length > 0 && ids.length <= maxPrompt).limit(PROBES).toList();
        Scorer s = scorer != null ? scorer : (prompts, responses) -> new float[responses.size()];
        return new Probes(policy.model(), reference, s, probes, ids -> policy.tokenizer().decode(ids, true),
                enc.stopIds(), temperature, maxNewTokens, seed);
    }

    static List<Prompt> trainPrompts(Project project, long seed, double fraction) {
        return project.prompts().all().stream().filter(p -> !heldOut(p.id(), seed, fraction)).toList();
    }
}
