package org.rlhfworkbench.jobs.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rlhfworkbench.core.Demonstration;
import org.rlhfworkbench.core.ModelEntry;
import org.rlhfworkbench.core.ModelKind;
import org.rlhfworkbench.core.Prompt;
import org.rlhfworkbench.jobs.label.PromptFormat;
import org.rlhfworkbench.lm.LanguageModel;
import org.rlhfworkbench.lm.LanguageModels;
import org.rlhfworkbench.lm.chat.PromptEncoder;
import org.rlhfworkbench.core.config.LoraConfig;
import org.rlhfworkbench.store.Project;
import org.rlhfworkbench.train.data.Encoded;
import org.rlhfworkbench.train.data.Order;
import org.rlhfworkbench.train.run.RunContext;
import org.rlhfworkbench.train.run.StepLoop;
import org.rlhfworkbench.core.config.SftConfig;
import org.rlhfworkbench.train.sft.SftTrainer;

/** SFT on the project's demonstrations (written, corrections, imported); result: a model of kind sft. */
public final class SftJob implements TrainJob {
    /**
     * Without a chosen model SFT starts from the newest base model, so re-running SFT (more
     * demonstrations, other settings) does not fine-tune the last SFT model again; a project
     * without a base model starts from its newest SFT or policy model.
     */
    public static final ModelKind[] DEFAULT_START = {ModelKind.BASE, ModelKind.SFT, ModelKind.POLICY};

    /** What the run saves: the starting model (null = {@link #DEFAULT_START}) and the SFT settings. */
    public record Config(Long fromModel, SftConfig sft, LoraConfig lora) {
        /** Full fine-tuning. */
        public Config(Long fromModel, SftConfig sft) {
            this(fromModel, sft, null);
        }
    }

    private final Config cfg;
    private ModelEntry from;
    private LanguageModel lm;
    private SftTrainer trainer;
    private LoraSetup lora;
    private int trainCount;
    private int valCount;

    public SftJob(Config cfg) {
        this.cfg = cfg;
    }

    @Override
    public String kind() {
        return "sft";
    }

    @Override
    public Object config() {
        return cfg;
    }

    /** The model a run starts from: {@code id}, or the newest base model ({@link #DEFAULT_START}). */
    public static ModelEntry startingModel(Project project, Long id) {
        return ModelPicker.pick(project, id, DEFAULT_START);
    }

    @Override
    public long seed() {
        return cfg.sft().seed();
    }

    @Override
    public void prepare(Project project) throws Exception {
        from = startingModel(project, cfg.fromModel());
        lm = LanguageModels.load(ModelPicker.folder(project, from));
        lora = LoraSetup.of(project, lm, cfg.lora());
        PromptEncoder enc = PromptFormat.of(project).encoder(lm);
        List<Encoded> train = new ArrayList<>();
        List<Encoded> val = new ArrayList<>();
        for (Demonstration d : project.demonstrations().all()) {
            Prompt p = project.prompts().get(d.promptId());
            Encoded e = Encoded.of(enc.encode(p), enc.encodeResponse(p, d.text()),
                    Math.min(cfg.sft().maxLength(), lm.model().shape().maxPositions()));
            (Order.heldOut(d.promptId(), cfg.sft().seed(), cfg.sft().valFraction()) ? val : train).add(e);
        }
        trainCount = train.size();
        valCount = val.size();
        trainer = new SftTrainer(lm.model(), train, val, cfg.sft());
    }

    @Override
    public StepLoop.Outcome train(RunContext ctx, boolean resume) throws Exception {
        ctx.log("SFT from model " + from.id() + " (" + from.name() + ") on " + trainCount + " demonstrations, "
                + valCount + " held out, " + trainer.totalSteps() + " steps; " + lora.describe());
        return trainer.run(ctx, resume);
    }

    @Override
    public String finish(Project project, long runId) throws Exception {
        String path = "models/sft-" + runId;
        Path folder = project.dir().resolve(path);
        lora.save(folder, List.of());
        long id = project.models().add("sft-" + runId, ModelKind.SFT, from.id(), path, runId);
        double val = trainer.validationLoss();
        return String.format("model %d (%s): validation loss %.4f", id, path, val);
    }

    @Override
    public void close() {
        if (lm != null) {
            lm.close();
        }
    }
}
