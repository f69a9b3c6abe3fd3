package org.rlhfworkbench.jobs.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
import org.rlhfworkbench.store.Project;
import org.rlhfworkbench.core.config.OnlineDpoConfig;
import org.rlhfworkbench.train.dpo.OnlineDpoTrainer;
import org.rlhfworkbench.train.run.RunContext;
import org.rlhfworkbench.train.run.StepLoop;

/**
 * Online iterative DPO from the newest SFT model against the newest reward model, on the
 * project's prompts minus the held-out share (the same split as PPO). Every round's samples,
 * scores and pairs go into the project ({@link RoundStore}); the policy after each round is saved
 * as a model of kind policy, "online-dpo-RUN-itT", the last one being the result.
 */
public final class OnlineDpoJob implements TrainJob {
    /** What the run saves: start model, reward model, held-out share, loop settings. */
    public record Config(Long fromModel, Long rewardModel, double evalFraction, OnlineDpoConfig online,
                         LoraConfig lora) {
        /** Full fine-tuning. */
        public Config(Long fromModel, Long rewardModel, double evalFraction, OnlineDpoConfig online) {
            this(fromModel, rewardModel, evalFraction, online, null);
        }
    }

    private final Config cfg;
    private Project project;
    private ModelEntry from;
    private LanguageModel policy;
    private LanguageModel sft;   // null under LoRA: the SFT reference is the policy's base, adapter off
    private LoraSetup lora;
    private DpoSetup.Reward reward;
    private List<Long> ids;
    private List<int[]> prompts;

    public OnlineDpoJob(Config cfg) {
        this.cfg = cfg;
    }

    @Override
    public String kind() {
        return "online-dpo";
    }

    @Override
    public Object config() {
        return cfg;
    }

    @Override
    public long seed() {
        return cfg.online().dpo().seed();
    }

    @Override
    public void prepare(Project p) throws Exception {
        project = p;
        long seed = seed();
        from = ModelPicker.pick(p, cfg.fromModel(), ModelKind.SFT, ModelKind.POLICY, ModelKind.BASE);
        Path folder = ModelPicker.folder(p, from);
        policy = LanguageModels.load(folder);
        lora = LoraSetup.of(p, policy, cfg.lora());
        if (!lora.on()) {
            sft = LanguageModels.load(folder);
            SameTokenizer.require(policy.tokenizer(), policy.folder(), sft.tokenizer(), sft.folder(), "reference");
        }
        reward = DpoSetup.reward(p, cfg.rewardModel(), policy).orElseThrow(() -> new IllegalArgumentException(
                "online DPO needs a reward model to score the samples; train one first (rlhf reward)"));
        PromptEncoder enc = PromptFormat.of(p).encoder(policy);
        int maxPrompt = policy.model().shape().maxPositions() - cfg.online().maxNewTokens();
        ids = new ArrayList<>();
        prompts = new ArrayList<>();
        for (Prompt pr : DpoSetup.trainPrompts(p, seed, cfg.evalFraction())) {
            int[] t = enc.encode(pr);
            if (t.length > 0 && t.length <= maxPrompt) {
                ids.add(pr.id());
                prompts.add(t);
            }
        }
    }

    @Override
    public StepLoop.Outcome train(RunContext ctx, boolean resume) throws Exception {
        OnlineDpoConfig o = cfg.online();
        long runId = Long.parseLong(ctx.dir().getFileName().toString());
        ctx.log(String.format("online %s from model %d (%s) scored by reward model %d: %d rounds x %d prompts x K=%d,"
                        + " %s pairs, reference %s, %d prompts to sample from", o.dpo().loss().toUpperCase(java.util.Locale.ROOT),
                from.id(), from.name(), reward.entry().id(), o.iterations(), o.promptsPerIteration(), o.k(), o.choice(),
                o.reference(), prompts.size()) + "; " + lora.describe());
        CausalLm reference = lora.on() ? lora.reference() : sft.model();
        RoundStore store = new RoundStore(project, runId, from.id(), reward.entry().id(), policy, o.choice()).savingWith(lora);
        OnlineDpoTrainer trainer = new OnlineDpoTrainer(policy.model(), reference, reward.scorer(), ids, prompts,
                DpoSetup.eos(project, policy), o, store);
        trainer.withProbes(DpoSetup.probes(project, policy, reference, reward.scorer(), seed(), cfg.evalFraction(),
                o.temperature(), o.maxNewTokens())::sample);
        return trainer.run(ctx, resume);
    }

    @Override
    public String finish(Project p, long runId) {
        ModelEntry last = RoundStore.roundModel(p, runId, cfg.online().iterations());
        return String.format("model %d (%s) after %d rounds", last.id(), last.path(), cfg.online().iterations());
    }

    @Override
    public void close() {
        for (LanguageModel lm : new LanguageModel[] {policy, sft}) {
            if (lm != null) {
                lm.close();
            }
        }
        if (reward != null) {
            reward.close();
        }
    }
}
