package org.rlhfworkbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rlhfworkbench.jobs.run.OnlineDpoJob;
import org.rlhfworkbench.core.config.DpoConfig;
import org.rlhfworkbench.core.config.OnlineDpoConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `rlhf online-dpo DIR --iterations T [options] [--resume RUN]`: the RLHFlow loop against the newest reward model. */
@Command(name = "online-dpo", description = "Online iterative DPO: each round samples K responses per prompt from the"
        + " policy, the reward model picks a pair, DPO trains on the new pairs. Rounds are stored in the project"
        + " (label one by hand: rlhf project set DIR label_source online-dpo:RUN:ITERATION).")
final class OnlineDpoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "project folder")
    Path dir;

    @Option(names = "--iterations", required = true, description = "rounds T")
    int iterations;

    @Option(names = "--prompts", description = "prompts per round (default 64)")
    Integer prompts;

    @Option(names = "-k", description = "responses per prompt (default 8)")
    Integer k;

    @Option(names = "--temperature", description = "sampling temperature (default 1.0)")
    Float temperature;

    @Option(names = "--choice", description = "maxmin (best vs worst RM score) or random (default maxmin)")
    String choice;

    @Option(names = "--reference", description = "sft or previous (the policy that sampled the round; default sft)")
    String reference;

    @Option(names = "--loss", description = "dpo or ipo (default dpo)")
    String loss;

    @Option(names = "--beta", description = "default 0.1")
    Double beta;

    @Option(names = "--epochs", description = "DPO passes over each round's pairs (default 2)")
    Integer epochs;

    @Option(names = "--lr", description = "learning rate (default 5e-5)")
    Float lr;

    @Option(names = "--seed", description = "prompt order, sampling, pair order (default 42)")
    Long seed;

    @Option(names = "--model", description = "start model id (default: newest sft)")
    Long model;

    @Option(names = "--reward-model", description = "reward model id (default: newest)")
    Long rewardModel;

    @Mixin
    CheckpointOption checkpoint = new CheckpointOption();

    @Mixin
    LoraOptions lora = new LoraOptions();

    @Option(names = "--resume", paramLabel = "RUN", description = "continue run RUN from its last checkpoint")
    Long resume;

    static OnlineDpoConfig config(int iterations, Integer prompts, Integer k, Float temperature, String choice,
                                  String reference, DpoConfig dpo) {
        OnlineDpoConfig d = OnlineDpoConfig.defaults();
        return new OnlineDpoConfig(iterations, prompts == null ? d.promptsPerIteration() : prompts, k == null ? d.k() : k,
                temperature == null ? d.temperature() : temperature, d.maxNewTokens(),
                choice == null ? d.choice() : choice, reference == null ? d.reference() : reference, dpo, d.probeEvery());
    }

    @Override
    public Integer call() throws Exception {
        DpoConfig dpo = checkpoint.apply(DpoCommand.config(loss, beta, "best-worst", null, epochs,
                lora.learningRate(lr, DpoConfig.defaults().learningRate()), seed));
        OnlineDpoJob.Config cfg = new OnlineDpoJob.Config(model, rewardModel, 0.2,
                config(iterations, prompts, k, temperature, choice, reference, dpo), lora.config(dpo.seed()));
        return TrainRunner.run(dir, resume, new OnlineDpoJob(cfg),
                json -> new OnlineDpoJob(new ObjectMapper().convertValue(json, OnlineDpoJob.Config.class)),
                spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
