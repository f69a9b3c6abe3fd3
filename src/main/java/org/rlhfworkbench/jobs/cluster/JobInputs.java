package org.rlhfworkbench.jobs.cluster;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.rlhfworkbench.store.Project;
import org.rlhfworkbench.core.config.PpoConfig;
import org.rlhfworkbench.core.config.RewardConfig;
import org.rlhfworkbench.core.config.SftConfig;

/**
 * What an engine mapping needs from the project: the settings of each stage, where the exported
 * checkpoints lie inside the job folder (relative paths) and how much data there is.
 *
 * @param baseModel folder the SFT step starts from
 * @param sftModel folder RM, DPO and PPO start from: the exported SFT model, else the SFT step's output
 * @param rewardModel folder PPO scores with: the exported reward model, else the RM step's output
 */
public record JobInputs(RunSettings sft, RunSettings reward, RunSettings ppo, RunSettings dpo, String baseModel,
                        String sftModel, String rewardModel, int demonstrations, int pairs, int rankedPrompts,
                        int prompts) {

    /** DPO defaults (beta 0.1 as in the DPO paper and both engines; sigmoid loss) until the project has a DPO run. */
    static ObjectNode dpoDefaults() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("beta", 0.1);
        o.put("loss", "dpo");
        o.put("labelSmoothing", 0.0);
        o.put("learningRate", 1e-6);
        o.put("epochs", 1);
        o.put("batchSize", 8);
        o.put("maxLength", 128);
        o.put("seed", 42);
        return o;
    }

    static JobInputs read(Project project, String baseModel, String sftModel, String rewardModel, JobData data) {
        return new JobInputs(RunSettings.latest(project, "sft", "sft", SftConfig.defaults()),
                RunSettings.latest(project, "reward", "reward", RewardConfig.defaults()),
                RunSettings.latest(project, "ppo", "ppo", PpoConfig.defaults()),
                RunSettings.latest(project, "dpo", "dpo", dpoDefaults()),
                baseModel, sftModel, rewardModel, data.demonstrations(), data.pairs(), data.rankedPrompts(),
                data.promptCount());
    }

    /** Pairs per ranked prompt, at least 1 (K = 3 rankings give 3 pairs). */
    int pairsPerPrompt() {
        return rankedPrompts == 0 ? 1 : Math.max(1, (int) Math.ceil(pairs / (double) rankedPrompts));
    }

    /** Warm-up as a share of the SFT steps (OpenRLHF takes a ratio, the project counts steps). */
    double sftWarmupRatio() {
        int batch = Math.max(1, sft.integer("batchSize"));
        int steps = Math.max(1, (int) Math.ceil(demonstrations / (double) batch) * sft.integer("epochs"));
        return Math.min(1.0, sft.integer("warmupSteps") / (double) steps);
    }
}
