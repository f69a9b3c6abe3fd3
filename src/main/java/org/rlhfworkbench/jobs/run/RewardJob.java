package org.rlhfworkbench.jobs.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rlhfworkbench.core.ModelEntry;
import org.rlhfworkbench.core.ModelKind;
import org.rlhfworkbench.jobs.label.PromptFormat;
import org.rlhfworkbench.lm.LanguageModel;
import org.rlhfworkbench.lm.LanguageModels;
import org.rlhfworkbench.core.config.LoraConfig;
import org.rlhfworkbench.store.Project;
import org.rlhfworkbench.train.data.Order;
import org.rlhfworkbench.train.reward.RankedGroup;
import org.rlhfworkbench.core.config.RewardConfig;
import org.rlhfworkbench.train.reward.RewardEval;
import org.rlhfworkbench.train.reward.RewardModel;
import org.rlhfworkbench.train.reward.RewardTrainer;
import org.rlhfworkbench.train.run.RunContext;
import org.rlhfworkbench.train.run.StepLoop;

/** Reward model on the project's K-way rankings; result: a model of kind reward with its statistics. */
public final class RewardJob implements TrainJob {
    /** What the run saves: the backbone (null = newest SFT, else policy or base) and the settings. */
    public record Config(Long fromModel, RewardConfig reward, LoraConfig lora) {
        /** Full fine-tuning. */
        public Config(Long fromModel, RewardConfig reward) {
            this(fromModel, reward, null);
        }
    }

    public static final String STATS_FILE = "reward_stats.json";

    private final Config cfg;
    private ModelEntry from;
    private LanguageModel lm;
    private RewardModel rm;
    private RewardTrainer trainer;
    private LoraSetup lora;
    private int trainCount;
    private int valCount;

    public RewardJob(Config cfg) {
        this.cfg = cfg;
    }

    @Override
    public String kind() {
        return "reward";
    }

    @Override
    public Object config() {
        return cfg;
    }

    @Override
    public long seed() {
        return cfg.reward().seed();
    }

    @Override
    public void prepare(Project project) throws Exception {
        from = ModelPicker.pick(project, cfg.fromModel(), ModelKind.SFT, ModelKind.POLICY, ModelKind.BASE);
        lm = LanguageModels.load(ModelPicker.folder(project, from));
        lora = LoraSetup.of(project, lm, cfg.lora());
        int max = Math.min(cfg.reward().maxLength(), lm.model().shape().maxPositions());
        List<RankedGroup> train = new ArrayList<>();
        List<RankedGroup> val = new ArrayList<>();
        for (RankedGroup g : RankedData.load(project, PromptFormat.of(project).encoder(lm), max)) {
            (Order.heldOut(g.promptId(), cfg.reward().seed(), cfg.reward().valFraction()) ? val : train).add(g);
        }
        if (cfg.reward().trainPrompts() > 0 && train.size() > cfg.reward().trainPrompts()) {
            train = new ArrayList<>(train.subList(0, cfg.reward().trainPrompts()));
        }
        trainCount = train.size();
        valCount = val.size();
        rm = RewardModel.withNewHead(lm.model(), cfg.reward().seed());
        trainer = new RewardTrainer(rm, train, val, cfg.reward());
    }

    @Override
    public StepLoop.Outcome train(RunContext ctx, boolean resume) throws Exception {
        ctx.log("reward model from model " + from.id() + " (" + from.name() + ") on " + trainCount
                + " ranked prompts, " + valCount + " held out, " + trainer.totalSteps() + " steps; " + lora.describe());
        return trainer.run(ctx, resume);
    }

    @Override
    public String finish(Project project, long runId) throws Exception {
        String path = "models/reward-" + runId;
        Path folder = project.dir().resolve(path);
        lora.save(folder, List.of(RewardModel.HEAD));   // under LoRA: the head as PEFT's modules_to_save
        if (!lora.on()) {
            RewardFolders.markSequenceClassifier(folder, lm.tokenizer().eosIds()[0]);
        }
        RewardEval eval = trainer.lastEval();
        ObjectNode stats = new ObjectMapper().createObjectNode();
        if (eval != null) {
            stats.put("reward_mean", eval.rewardMean()).put("reward_std", eval.rewardStd())
                    .put("eval_accuracy", eval.accuracy()).put("eval_margin", eval.meanMargin())
                    .put("eval_pairs", eval.pairs());
        }
        stats.put("train_prompts", trainCount).put("eval_prompts", valCount).put("run", runId)
                .put("seed", cfg.reward().seed()).put("val_fraction", cfg.reward().valFraction());
        Files.writeString(folder.resolve(STATS_FILE), new ObjectMapper().writerWithDefaultPrettyPrinter()
                .writeValueAsString(stats) + "\n");
        long id = project.models().add("reward-" + runId, ModelKind.REWARD, from.id(), path, runId);
        return eval == null ? "model " + id + " (" + path + "): no held-out prompts to evaluate"
                : String.format("model %d (%s): held-out pairwise accuracy %.3f on %d pairs, margin %.3f", id, path,
                eval.accuracy(), eval.pairs(), eval.meanMargin());
    }

    @Override
    public void close() {
        if (lm != null) {
            lm.close();
        }
    }
}
