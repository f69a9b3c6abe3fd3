package org.rlhfworkbench.jobs.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rlhfworkbench.core.Demonstration;
import org.rlhfworkbench.core.ModelEntry;
import org.rlhfworkbench.core.ModelKind;
import org.rlhfworkbench.core.Prompt;
import org.rlhfworkbench.jobs.label.PromptFormat;
import org.rlhfworkbench.lm.LanguageModel;
import org.rlhfworkbench.lm.LanguageModels;
import org.rlhfworkbench.lm.chat.PromptEncoder;
import org.rlhfworkbench.lm.tokenizer.SameTokenizer;
import org.rlhfworkbench.core.config.LoraConfig;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.lm.io.SafeTensors;
import org.rlhfworkbench.lm.io.TensorData;
import org.rlhfworkbench.store.Project;
import org.rlhfworkbench.train.data.Encoded;
import org.rlhfworkbench.train.data.Order;
import org.rlhfworkbench.core.config.PpoConfig;
import org.rlhfworkbench.train.ppo.PpoTrainer;
import org.rlhfworkbench.train.ppo.SeparateCritic;
import org.rlhfworkbench.train.reward.RewardModel;
import org.rlhfworkbench.train.run.RunContext;
import org.rlhfworkbench.train.run.StepLoop;

/**
 * PPO from the newest SFT model (policy and frozen reference) against the newest reward model,
 * on the project's prompts minus a held-out share kept for evaluation. Result: a model of kind
 * policy, with its value head in value_head.safetensors, or with a separate critic (initialised
 * from the reward model) in the folder's critic/ subfolder.
 */
public final class PpoJob implements TrainJob {
    /** What the run saves: policy start, reward model, held-out share for evaluation, PPO settings. */
    public record Config(Long fromModel, Long rewardModel, double evalFraction, PpoConfig ppo, boolean rubricReward,
                         LoraConfig lora) {
        public Config(Long fromModel, Long rewardModel, double evalFraction, PpoConfig ppo, boolean rubricReward) {
            this(fromModel, rewardModel, evalFraction, ppo, rubricReward, null);
        }

        public Config(Long fromModel, Long rewardModel, double evalFraction, PpoConfig ppo) {
            this(fromModel, rewardModel, evalFraction, ppo, false);
        }
    }

    public static final String VALUE_HEAD_FILE = "value_head.safetensors";
    /** With a separate critic: models/ppo-N/critic/ holds it (backbone + value_head.safetensors). */
    public static final String CRITIC_DIR = "critic";
    static final int PROBES = 4;

    private final Config cfg;
    private ModelEntry from;
    private LanguageModel policy;
    private LanguageModel reference;   // null under LoRA: the reference is the policy's base, adapter off
    private LoraSetup lora;
    private LanguageModel reward;      // null when the reward model shares the LoRA policy's base
    private CausalLm rewardModel;
    private LanguageModel critic;
    private PpoTrainer trainer;
    private int promptCount;

    public PpoJob(Config cfg) {
        this.cfg = cfg;
    }

    @Override
    public String kind() {
        return "ppo";
    }

    @Override
    public Object config() {
        return cfg;
    }

    @Override
    public long seed() {
        return cfg.ppo().seed();
    }

    /** True for the prompts PPO never trains on (evaluation prompts). */
    public static boolean heldOut(long promptId, Config cfg) {
        return Order.heldOut(promptId, cfg.ppo().seed() + 17, cfg.evalFraction());
    }

    @Override
    public void prepare(Project project) throws Exception {
        from = ModelPicker.pick(project, cfg.fromModel(), ModelKind.SFT, ModelKind.POLICY, ModelKind.BASE);
        ModelEntry rmEntry = ModelPicker.pick(project, cfg.rewardModel(), ModelKind.REWARD);
        policy = LanguageModels.load(ModelPicker.folder(project, from));
        lora = LoraSetup.of(project, policy, cfg.lora());
        if (!lora.on()) {
            reference = LanguageModels.load(ModelPicker.folder(project, from));
        }
        CausalLm referenceModel = lora.on() ? lora.reference() : reference.model();
        Path rmFolder = ModelPicker.folder(project, rmEntry);
        rewardModel = lora.sharedReward(rmFolder).orElse(null);
        if (rewardModel == null) {
            reward = LanguageModels.load(rmFolder);
            SameTokenizer.require(policy.tokenizer(), policy.folder(), reward.tokenizer(), rmFolder, "reward model");
            rewardModel = reward.model();
        }
        if (reference != null) {
            SameTokenizer.require(policy.tokenizer(), policy.folder(), reference.tokenizer(), reference.folder(), "reference");
        }
        JsonNode stats = new ObjectMapper().readTree(rmFolder.resolve(RewardJob.STATS_FILE).toFile());
        double mean = stats.path("reward_mean").asDouble(0);
        double std = Math.max(1e-3, stats.path("reward_std").asDouble(1));
        PromptEncoder enc = PromptFormat.of(project).encoder(policy);
        int maxPrompt = policy.model().shape().maxPositions() - cfg.ppo().maxNewTokens();
        List<int[]> train = new ArrayList<>();
        List<int[]> probes = new ArrayList<>();
        for (Prompt p : project.prompts().all()) {
            int[] ids = enc.encode(p);
            if (ids.length == 0 || ids.length > maxPrompt) {
                continue;
            }
            if (heldOut(p.id(), cfg)) {
                if (probes.size() < PROBES) {
                    probes.add(ids);
                }
            } else {
                train.add(ids);
            }
        }
        promptCount = train.size();
        Set<Integer> eos = enc.stopIds();
        org.rlhfworkbench.train.ppo.Scorer scorer = scorer(project, enc, mean, std);
        java.util.function.Function<int[], String> decode = ids -> policy.tokenizer().decode(ids, true);
        trainer = cfg.ppo().separateCritic()
                ? new PpoTrainer(policy.model(), referenceModel, scorer, train, probes, decode, eos, cfg.ppo(),
                        separateCritic(rmFolder, mean, std))
                : new PpoTrainer(policy.model(), referenceModel, scorer, train, probes, decode, eos, cfg.ppo());
        if (cfg.ppo().ptxCoef() > 0) {
            trainer.withPtx(ptxExamples(project, enc));
        }
    }

    /** The critic: a second copy of the reward model (the scorer's stays frozen), head scaled to PPO's scores. */
    private SeparateCritic separateCritic(Path rmFolder, double mean, double std) {
        critic = LanguageModels.load(rmFolder);
        return SeparateCritic.fromRewardModel(critic.model(), mean, std, cfg.ppo());
    }

    /** PPO-ptx data: the demonstrations of the prompts PPO trains on, encoded as SFT encodes them. */
    private List<Encoded> ptxExamples(Project project, PromptEncoder enc) {
        List<Encoded> demos = new ArrayList<>();
        for (Demonstration d : project.demonstrations().all()) {
            Prompt p = project.prompts().get(d.promptId());
            if (!heldOut(p.id(), cfg)) {
                demos.add(Encoded.of(enc.encode(p), enc.encodeResponse(p, d.text()),
                        policy.model().shape().maxPositions()));
            }
        }
        return demos;
    }

    /** The reward model, or with {@code gold} the sample's rubric itself (a diagnostic upper bound). */
    private org.rlhfworkbench.train.ppo.Scorer scorer(Project project, PromptEncoder enc, double mean, double std) {
        if (!cfg.rubricReward()) {
            return org.rlhfworkbench.train.ppo.Scorer.of(new RewardModel(rewardModel), mean, std);
        }
        return new RubricScorer(project, enc);
    }

    @Override
    public StepLoop.Outcome train(RunContext ctx, boolean resume) throws Exception {
        ctx.log("PPO from model " + from.id() + " (" + from.name() + ") on " + promptCount + " prompts, "
                + cfg.ppo().steps() + " steps of " + cfg.ppo().rolloutPrompts() + " episodes; " + lora.describe());
        return trainer.run(ctx, resume);
    }

    @Override
    public String finish(Project project, long runId) throws Exception {
        String path = "models/ppo-" + runId;
        Path folder = project.dir().resolve(path);
        lora.save(folder, List.of());
        Map<String, TensorData> head = new HashMap<>();
        trainer.valueHead().forEach((k, v) -> head.put(k, TensorData.ofFloats(k, v.getShape().getShape(),
                v.toFloatArray())));
        Path headDir = folder;
        if (critic != null) {  // the separate critic: its backbone as a model folder, its value head beside it
            headDir = folder.resolve(CRITIC_DIR);
            LanguageModels.save(critic.model(), critic.config(), headDir, critic.folder());
        }
        SafeTensors.write(headDir.resolve(VALUE_HEAD_FILE), head, Map.of("format", "pt"));
        Files.writeString(folder.resolve("ppo_timings.json"), new ObjectMapper().writerWithDefaultPrettyPrinter()
                .writeValueAsString(trainer.timings()) + "\n");
        long id = project.models().add("ppo-" + runId, ModelKind.POLICY, from.id(), path, runId);
        return String.format("model %d (%s), final beta %.4f", id, path, trainer.beta());
    }

    @Override
    public void close() {
        for (LanguageModel lm : new LanguageModel[] {policy, reference, reward, critic}) {
            if (lm != null) {
                lm.close();
            }
        }
    }
}
