package org.rlhfworkbench.jobs.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.rlhfworkbench.core.ModelEntry;
import org.rlhfworkbench.core.ModelKind;
import org.rlhfworkbench.jobs.label.PromptFormat;
import org.rlhfworkbench.lm.LanguageModel;
import org.rlhfworkbench.lm.LanguageModels;
import org.rlhfworkbench.core.config.LoraConfig;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.store.Project;
import org.rlhfworkbench.core.config.DpoConfig;
import org.rlhfworkbench.train.dpo.DpoPair;
import org.rlhfworkbench.train.dpo.DpoPairs;
import org.rlhfworkbench.train.dpo.DpoTrainer;
import org.rlhfworkbench.train.reward.RankedGroup;
import org.rlhfworkbench.train.run.RunContext;
import org.rlhfworkbench.train.run.StepLoop;

/**
 * Offline DPO / IPO straight from the project's rankings, from the newest SFT model (policy
 * start and frozen reference). Prompts held out for evaluation (the same split as PPO) give the
 * eval/ pairs. The reward model, when there is one, only scores the probe samples. Result: a
 * model of kind policy.
 */
public final class DpoJob implements TrainJob {
    /** What the run saves: start model, optional reward model for probes, held-out share, DPO settings. */
    public record Config(Long fromModel, Long rewardModel, double evalFraction, DpoConfig dpo, LoraConfig lora) {
        /** Full fine-tuning. */
        public Config(Long fromModel, Long rewardModel, double evalFraction, DpoConfig dpo) {
            this(fromModel, rewardModel, evalFraction, dpo, null);
        }
    }

    private final Config cfg;
    private ModelEntry from;
    private LanguageModel policy;
    private LanguageModel reference;   // never loaded under LoRA: the reference is the policy's base
    private LoraSetup lora;
    private DpoSetup.Reward reward;
    private DpoTrainer trainer;
    private Path fromFolder;
    private int trainPairs;

    public DpoJob(Config cfg) {
        this.cfg = cfg;
    }

    @Override
    public String kind() {
        return "dpo";
    }

    @Override
    public Object config() {
        return cfg;
    }

    @Override
    public long seed() {
        return cfg.dpo().seed();
    }

    @Override
    public void prepare(Project project) throws Exception {
        DpoConfig d = cfg.dpo();
        from = ModelPicker.pick(project, cfg.fromModel(), ModelKind.SFT, ModelKind.POLICY, ModelKind.BASE);
        fromFolder = ModelPicker.folder(project, from);
        policy = LanguageModels.load(fromFolder);
        lora = LoraSetup.of(project, policy, cfg.lora());
        List<RankedGroup> groups = RankedData.load(project, PromptFormat.of(project).encoder(policy), d.maxLength());
        List<DpoPair> train = DpoPairs.from(groups.stream()
                .filter(g -> !DpoSetup.heldOut(g.promptId(), d.seed(), cfg.evalFraction())).toList(), d.bestWorst());
        List<DpoPair> val = DpoPairs.from(groups.stream()
                .filter(g -> DpoSetup.heldOut(g.promptId(), d.seed(), cfg.evalFraction())).toList(), d.bestWorst());
        trainPairs = train.size();
        trainer = new DpoTrainer(policy.model(), train, val, d);
        Optional<DpoSetup.Reward> rm = DpoSetup.reward(project, cfg.rewardModel(), policy);
        reward = rm.orElse(null);
        trainer.withProbes(10, DpoSetup.probes(project, policy, referenceModel(), rm.map(DpoSetup.Reward::scorer)
                .orElse(null), d.seed(), cfg.evalFraction(), 0.7f, 24)::sample);
    }

    private CausalLm referenceModel() {
        if (lora.on()) {
            return lora.reference();
        }
        if (reference == null) {
            reference = LanguageModels.load(fromFolder);
        }
        return reference.model();
    }

    @Override
    public StepLoop.Outcome train(RunContext ctx, boolean resume) throws Exception {
        ctx.log(String.format("%s from model %d (%s) on %d pairs (%s), beta %.3g, %d steps",
                cfg.dpo().loss().toUpperCase(java.util.Locale.ROOT), from.id(), from.name(), trainPairs,
                cfg.dpo().pairs(), cfg.dpo().beta(), trainer.totalSteps()) + "; " + lora.describe());
        return trainer.run(ctx, resume, this::referenceModel);
    }

    @Override
    public String finish(Project project, long runId) throws Exception {
        String path = "models/dpo-" + runId;
        lora.save(project.dir().resolve(path), List.of());
        long id = project.models().add("dpo-" + runId, ModelKind.POLICY, from.id(), path, runId);
        return String.format("model %d (%s)", id, path);
    }

    @Override
    public void close() {
        for (AutoCloseable c : new AutoCloseable[] {policy, reference, reward}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
