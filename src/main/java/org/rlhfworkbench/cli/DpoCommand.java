package org.rlhfworkbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rlhfworkbench.jobs.run.DpoJob;
import org.rlhfworkbench.core.config.DpoConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `rlhf dpo DIR [--loss dpo|ipo] [options] [--resume RUN]`: offline DPO / IPO from the project's rankings. */
@Command(name = "dpo", description = "Offline DPO or IPO from the project's rankings, starting from (and anchored to)"
        + " the newest SFT model; saves a model of kind policy.")
final class DpoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "project folder")
    Path dir;

    @Option(names = "--loss", description = "dpo or ipo (default dpo)")
    String loss;

    @Option(names = "--beta", description = "strength of the implicit KL to the reference (default 0.1)")
    Double beta;

    @Option(names = "--pairs", description = "best-worst (one pair per ranking) or all (every ordered pair;"
            + " overfits at the default epochs and lr) (default best-worst)")
    String pairs;

    @Option(names = "--label-smoothing", description = "conservative DPO: assumed share of flipped labels (default 0)")
    Double labelSmoothing;

    @Option(names = "--epochs", description = "passes over the pairs (default 2)")
    Integer epochs;

    @Option(names = "--lr", description = "learning rate (default 5e-5)")
    Float lr;

    @Option(names = "--seed", description = "pair order and held-out split (default 42)")
    Long seed;

    @Option(names = "--model", description = "start / reference model id (default: newest sft)")
    Long model;

    @Mixin
    CheckpointOption checkpoint = new CheckpointOption();

    @Mixin
    LoraOptions lora = new LoraOptions();

    @Option(names = "--resume", paramLabel = "RUN", description = "continue run RUN from its last checkpoint")
    Long resume;

    static DpoConfig config(String loss, Double beta, String pairs, Double smoothing, Integer epochs, Float lr, Long seed) {
        DpoConfig d = DpoConfig.defaults();
        return new DpoConfig(loss == null ? d.loss() : loss, beta == null ? d.beta() : beta,
                pairs == null ? d.pairs() : pairs, smoothing == null ? d.labelSmoothing() : smoothing,
                epochs == null ? d.epochs() : epochs, d.batchSize(), lr == null ? d.learningRate() : lr, d.warmupSteps(),
                d.maxLength(), d.checkpointEvery(), seed == null ? d.seed() : seed);
    }

    @Override
    public Integer call() throws Exception {
        DpoConfig dpo = checkpoint.apply(config(loss, beta, pairs, labelSmoothing, epochs,
                lora.learningRate(lr, DpoConfig.defaults().learningRate()), seed));
        DpoJob.Config cfg = new DpoJob.Config(model, null, 0.2, dpo, lora.config(dpo.seed()));
        return TrainRunner.run(dir, resume, new DpoJob(cfg),
                json -> new DpoJob(new ObjectMapper().convertValue(json, DpoJob.Config.class)),
                spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
