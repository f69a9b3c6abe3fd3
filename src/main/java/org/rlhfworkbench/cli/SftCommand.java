package org.rlhfworkbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rlhfworkbench.jobs.run.SftJob;
import org.rlhfworkbench.core.config.SftConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `rlhf sft DIR [options] [--resume RUN]`: supervised fine-tuning on the project's demonstrations. */
@Command(name = "sft", description = "Fine-tune on the project's demonstrations (response tokens only); saves a model of kind sft.")
final class SftCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "project folder")
    Path dir;

    @Option(names = "--model", description = "model id to start from (default: newest base model, else newest sft or policy)")
    Long model;

    @Option(names = "--epochs", description = "passes over the data (default 3)")
    Integer epochs;

    @Option(names = "--batch", description = "examples per step (default 8)")
    Integer batch;

    @Option(names = "--lr", description = "peak learning rate (default 1e-4)")
    Float lr;

    @Option(names = "--seed", description = "data order and split (default 42)")
    Long seed;

    @Mixin
    CheckpointOption checkpoint = new CheckpointOption();

    @Mixin
    LoraOptions lora = new LoraOptions();

    @Option(names = "--resume", paramLabel = "RUN", description = "continue run RUN from its last checkpoint")
    Long resume;

    @Override
    public Integer call() throws Exception {
        SftConfig d = SftConfig.defaults();
        SftConfig cfg = checkpoint.apply(new SftConfig(epochs == null ? d.epochs() : epochs, batch == null ? d.batchSize() : batch,
                lora.learningRate(lr, d.learningRate()), d.warmupSteps(), d.valFraction(), d.maxLength(), d.checkpointEvery(),
                seed == null ? d.seed() : seed));
        return TrainRunner.run(dir, resume, new SftJob(new SftJob.Config(model, cfg, lora.config(cfg.seed()))),
                json -> new SftJob(new ObjectMapper().convertValue(json, SftJob.Config.class)),
                spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
