package org.rlhfworkbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rlhfworkbench.jobs.run.RewardJob;
import org.rlhfworkbench.core.config.RewardConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `rlhf reward DIR [options] [--resume RUN]`: a reward model on the project's K-way rankings. */
@Command(name = "reward", description = "Train a reward model directly on the project's K-way rankings"
        + " (all K responses of a prompt in one batch); saves a model of kind reward.")
final class RewardCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "project folder")
    Path dir;

    @Option(names = "--model", description = "backbone model id (default: newest sft, policy or base)")
    Long model;

    @Option(names = "--epochs", description = "passes over the rankings (default 2)")
    Integer epochs;

    @Option(names = "--batch", description = "prompts per step, each with all K responses (default 4)")
    Integer batch;

    @Option(names = "--lr", description = "peak learning rate (default 5e-5)")
    Float lr;

    @Option(names = "--margin", description = "margin scale on rating differences (default 0 = off)")
    Double margin;

    @Option(names = "--center", description = "center_rewards_coefficient (default 0.01)")
    Double center;

    @Option(names = "--train-prompts", description = "use only the first N training prompts (default: all)")
    Integer trainPrompts;

    @Option(names = "--seed", description = "head init, data order and split (default 42)")
    Long seed;

    @Mixin
    CheckpointOption checkpoint = new CheckpointOption();

    @Mixin
    LoraOptions lora = new LoraOptions();

    @Option(names = "--resume", paramLabel = "RUN", description = "continue run RUN from its last checkpoint")
    Long resume;

    @Override
    public Integer call() throws Exception {
        RewardConfig d = RewardConfig.defaults();
        RewardConfig cfg = checkpoint.apply(new RewardConfig(epochs == null ? d.epochs() : epochs, batch == null ? d.promptsPerStep() : batch,
                lora.learningRate(lr, d.learningRate()), d.warmupSteps(), d.valFraction(), d.maxLength(),
                margin == null ? d.marginScale() : margin, center == null ? d.centerCoefficient() : center,
                d.checkpointEvery(), seed == null ? d.seed() : seed, trainPrompts == null ? 0 : trainPrompts));
        return TrainRunner.run(dir, resume, new RewardJob(new RewardJob.Config(model, cfg, lora.config(cfg.seed()))),
                json -> new RewardJob(new ObjectMapper().convertValue(json, RewardJob.Config.class)),
                spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
