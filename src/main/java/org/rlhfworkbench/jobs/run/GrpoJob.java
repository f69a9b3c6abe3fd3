package org.rlhfworkbench.jobs.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rlhfworkbench.core.ModelEntry;
import org.rlhfworkbench.core.ModelKind;
import org.rlhfworkbench.core.Prompt;
import org.rlhfworkbench.jobs.label.PromptFormat;
import org.rlhfworkbench.jobs.label.ResponseText;
import org.rlhfworkbench.lm.LanguageModel;
import org.rlhfworkbench.lm.LanguageModels;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.store.Project;
import org.rlhfworkbench.train.data.Order;
import org.rlhfworkbench.core.config.GrpoConfig;
import org.rlhfworkbench.core.config.LoraConfig;
import org.rlhfworkbench.train.grpo.GrpoTrainer;
import org.rlhfworkbench.train.ppo.Probes;
import org.rlhfworkbench.train.ppo.Scorer;
import org.rlhfworkbench.train.rewards.EpisodePrompt;
import org.rlhfworkbench.train.rewards.RewardMix;
import org.rlhfworkbench.train.run.RunContext;
import org.rlhfworkbench.train.run.StepLoop;

/**
 * GRPO-family training from the newest SFT model against a mix of reward sources (reward
 * models, exact answer, format, length, the sample's rubric), on the project's prompts minus the
 * same held-out share PPO keeps for evaluation. The SFT model is loaded a second time as the
 * frozen reference only when beta is above 0 (under LoRA the reference is the same base with the
 * adapter off). Result: a model of kind policy (a PEFT adapter folder under LoRA).
 */
public final class GrpoJob implements TrainJob {
    /**
     * What the run saves: policy start, reward sources ("exact", "rm:0.5" ...), held-out share,
     * settings, and LoRA (null: full fine-tuning).
     */
    public record Config(Long fromModel, List<String> rewards, double evalFraction, GrpoConfig grpo, LoraConfig lora) {
        public Config {
            rewards = rewards == null || rewards.isEmpty() ? List.of("rm") : List.copyOf(rewards);
        }

        /** Full fine-tuning. */
        public Config(Long fromModel, List<String> rewards, double evalFraction, GrpoConfig grpo) {
            this(fromModel, rewards, evalFraction, grpo, null);
        }
    }

    static final int PROBES = 4;
    private final Config cfg;
    private final RewardSources sources = new RewardSources();
    private ModelEntry from;
    private LanguageModel policy;
    private LanguageModel reference;   // null at beta 0, and under LoRA (the base with the adapter off)
    private LoraSetup lora;
    private GrpoTrainer trainer;
    private RewardMix mix;
    private int promptCount;
    private int withReference;

    public GrpoJob(Config cfg) {
        this.cfg = cfg;
        cfg.rewards().forEach(RewardSpec::parse);  // a bad spec fails before any model is loaded
    }

    @Override
    public String kind() {
        return "grpo";
    }

    @Override
    public Object config() {
        return cfg;
    }

    @Override
    public long seed() {
        return cfg.grpo().optimisation().seed();
    }

    /** The prompts GRPO never trains on: the same split as PPO's with the same seed. */
    public static boolean heldOut(long promptId, Config cfg) {
        return Order.heldOut(promptId, cfg.grpo().optimisation().seed() + 17, cfg.evalFraction());
    }

    @Override
    public void prepare(Project project) throws Exception {
        from = ModelPicker.pick(project, cfg.fromModel(), ModelKind.SFT, ModelKind.POLICY, ModelKind.BASE);
        policy = LanguageModels.load(ModelPicker.folder(project, from));
        lora = LoraSetup.of(project, policy, cfg.lora());
        boolean kl = cfg.grpo().algorithm().beta() > 0;
        if (kl && !lora.on()) {
            reference = LanguageModels.load(ModelPicker.folder(project, from));
        }
        CausalLm referenceModel = !kl ? null : lora.on() ? lora.reference() : reference.model();
        mix = sources.build(project, cfg.rewards().stream().map(RewardSpec::parse).toList(),
                cfg.grpo().algorithm().normaliseSources());
        if (reference != null) {
            org.rlhfworkbench.lm.tokenizer.SameTokenizer.require(policy.tokenizer(), policy.folder(),
                    reference.tokenizer(), reference.folder(), "reference");
        }
        org.rlhfworkbench.lm.chat.PromptEncoder enc = PromptFormat.of(project).encoder(policy);
        int maxPrompt = policy.model().shape().maxPositions() - cfg.grpo().rollout().maxNewTokens();
        List<EpisodePrompt> train = new ArrayList<>();
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
                train.add(new EpisodePrompt(p.id(), p.text(), p.reference(),
                        Map.of("source", p.source(), "split", p.split()), ids));
                withReference += p.hasReference() ? 1 : 0;
            }
        }
        promptCount = train.size();
        Set<Integer> eos = enc.stopIds();
        java.util.function.Function<int[], String> decode = ids -> policy.tokenizer().decode(ids, true);
        java.util.function.Function<int[], String> answer = ids -> ResponseText.clean(decode.apply(ids));
        Probes probe = null;
        if (referenceModel != null) {
            Scorer rm = sources.firstRewardModel() != null ? sources.firstRewardModel()
                    : (prompts, responses) -> new float[prompts.size()];
            GrpoConfig.Rollout ro = cfg.grpo().rollout();
            probe = new Probes(policy.model(), referenceModel, rm, probes, decode, eos, ro.temperature(),
                    ro.maxNewTokens(), seed());
        }
        trainer = new GrpoTrainer(policy.model(), referenceModel, mix, train, probe, answer, eos, cfg.grpo());
    }

    @Override
    public StepLoop.Outcome train(RunContext ctx, boolean resume) throws Exception {
        GrpoConfig g = cfg.grpo();
        ctx.log(String.format("GRPO (%s, %s, eps %.3g/%.3g%s, beta %s) from model %d (%s) on %d prompts (%d with a"
                        + " reference answer), %d steps of %d prompts x %d answers; rewards %s", g.algorithm().estimator(),
                g.algorithm().aggregation(), g.algorithm().epsilonLow(), g.algorithm().epsilonHigh(),
                g.algorithm().sequenceRatio() ? ", sequence ratio" : "", g.algorithm().beta(), from.id(), from.name(),
                promptCount, withReference, g.optimisation().steps(), g.rollout().prompts(), g.rollout().group(),
                String.join(" + ", cfg.rewards())) + "; " + lora.describe());
        if (mix.usesSimulatedJudge()) {
            ctx.log("the rubric reward is the sample's simulated judge (the same rule-based annotator that made the"
                    + " labels and judges evaluations), not a person");
        }
        return trainer.run(ctx, resume);
    }

    @Override
    public String finish(Project project, long runId) throws Exception {
        String path = "models/grpo-" + runId;
        Path folder = project.dir().resolve(path);
        lora.save(folder, List.of());  // a PEFT adapter folder under LoRA, else the full model
        Files.writeString(folder.resolve("grpo_timings.json"), new ObjectMapper().writerWithDefaultPrettyPrinter()
                .writeValueAsString(trainer.timings()) + "\n");
        long id = project.models().add("grpo-" + runId, ModelKind.POLICY, from.id(), path, runId);
        return String.format("model %d (%s)", id, path);
    }

    @Override
    public void close() {
        for (LanguageModel lm : new LanguageModel[] {policy, reference}) {
            if (lm != null) {
                lm.close();
            }
        }
        sources.close();
    }
}
