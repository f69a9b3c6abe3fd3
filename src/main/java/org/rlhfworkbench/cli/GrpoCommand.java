package org.rlhfworkbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.rlhfworkbench.jobs.run.GrpoJob;
import org.rlhfworkbench.core.config.GrpoConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `rlhf grpo DIR [--loss L] [--group K] [--beta B] [--reward SOURCE[:WEIGHT]]... [--resume RUN]`. */
@Command(name = "grpo", description = "GRPO-family training (GRPO, Dr. GRPO, DAPO, GSPO; no critic) from the SFT model"
        + " against reward sources mixed by weight; saves a model of kind policy.")
final class GrpoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "project folder")
    Path dir;

    @Option(names = "--loss", description = "recipe: grpo, dr_grpo, dapo (default, as TRL), gspo")
    String loss;

    @Option(names = "--group", description = "K answers per prompt (default 8)")
    Integer group;

    @Option(names = "--prompts", description = "prompts per step (default 4)")
    Integer prompts;

    @Option(names = "--beta", description = "KL weight; 0 loads no reference model (default 0.04)")
    Double beta;

    @Option(names = "--reward", paramLabel = "SOURCE[:WEIGHT]", description = "a reward source, repeatable: rm, rm=ID,"
            + " exact, format, regex=PATTERN, length[=TARGET], rubric (the sample's simulated judge); default rm")
    List<String> rewards = new ArrayList<>();

    @Option(names = "--estimator", description = "advantage estimator: grpo, dr_grpo, rloo, reinforce_pp"
            + " (default: the recipe's)")
    String estimator;

    @Option(names = "--steps", description = "steps (default 60)")
    Integer steps;

    @Option(names = "--lr", description = "learning rate (default 3e-5)")
    Float lr;

    @Option(names = "--temperature", description = "sampling temperature (default 1.0)")
    Float temperature;

    @Option(names = "--seed", description = "prompt order, sampling and minibatch order (default 42)")
    Long seed;

    @Option(names = "--model", description = "policy start / reference model id (default: newest sft)")
    Long model;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "any other setting by its path in the saved"
            + " config, e.g. --set algorithm.epsilonHigh=0.28 --set algorithm.maskTruncated=true"
            + " --set optimisation.epochs=1")
    java.util.Map<String, String> overrides = new java.util.LinkedHashMap<>();

    @Option(names = "--resume", paramLabel = "RUN", description = "continue run RUN from its last checkpoint")
    Long resume;

    @Mixin
    LoraOptions lora = new LoraOptions();

    static GrpoConfig config(String loss, Integer group, Integer prompts, Double beta, String estimator, Integer steps,
                             Float lr, Float temperature, Long seed) {
        GrpoConfig d = GrpoConfig.defaults();
        GrpoConfig.Algorithm a = GrpoConfig.Algorithm.preset(loss == null ? "dapo" : loss);
        a = a.withBeta(beta == null ? a.beta() : beta);
        if (estimator != null) {
            a = new GrpoConfig.Algorithm(estimator, a.aggregation(), a.epsilonLow(), a.epsilonHigh(), a.sequenceRatio(),
                    a.beta(), a.klInLoss(), a.dynamicSampling(), a.overlongBuffer(), a.overlongPenalty(),
                    a.maskTruncated(), a.normaliseSources());
        }
        GrpoConfig.Rollout r = d.rollout();
        GrpoConfig.Optimisation o = d.optimisation();
        return new GrpoConfig(
                new GrpoConfig.Rollout(prompts == null ? r.prompts() : prompts, group == null ? r.group() : group,
                        temperature == null ? r.temperature() : temperature, r.maxNewTokens(), r.probeEvery()),
                a,
                new GrpoConfig.Optimisation(steps == null ? o.steps() : steps, lr == null ? o.learningRate() : lr,
                        o.epochs(), o.miniBatches(), o.checkpointEvery(), seed == null ? o.seed() : seed));
    }

    @Override
    public Integer call() throws Exception {
        Float rate = lora.learningRate(lr, GrpoConfig.defaults().optimisation().learningRate());
        GrpoConfig grpo = ConfigOverrides.apply(config(loss, group, prompts, beta, estimator, steps, rate, temperature,
                seed), overrides);
        GrpoJob.Config cfg = new GrpoJob.Config(model, rewards, 0.2, grpo, lora.config(grpo.optimisation().seed()));
        return TrainRunner.run(dir, resume, new GrpoJob(cfg),
                json -> new GrpoJob(new ObjectMapper().convertValue(json, GrpoJob.Config.class)),
                spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
