package org.rlhfworkbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rlhfworkbench.jobs.run.PpoJob;
import org.rlhfworkbench.core.config.PpoConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `rlhf ppo DIR [options] [--resume RUN]`: PPO against the newest reward model. */
@Command(name = "ppo", description = "PPO with a per-token KL penalty to the SFT model, against the newest reward model;"
        + " saves a model of kind policy.")
final class PpoCommand implements Callable<Integer> {
    /** The lowest sampling temperature a run accepts, as in the GUI's temperature field. */
    static final float MIN_TEMPERATURE = 0.05f;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "project folder")
    Path dir;

    @Option(names = "--steps", description = "PPO steps (default 60)")
    Integer steps;

    @Option(names = "--model", description = "policy start / reference model id (default: newest sft)")
    Long model;

    @Option(names = "--reward-model", description = "reward model id (default: newest)")
    Long rewardModel;

    @Option(names = "--kl-coef", description = "initial beta (default 0.05)")
    Double klCoef;

    @Option(names = "--adaptive-kl", description = "adaptive KL controller (target 6 nats)")
    boolean adaptive;

    @Option(names = "--lr", description = "learning rate (default 3e-5)")
    Float lr;

    @Option(names = "--temperature", description = "sampling temperature of rollouts (default 0.7)")
    Float temperature;

    @Option(names = "--seed", description = "prompt order, sampling and value-head init (default 42)")
    Long seed;

    @Option(names = "--ptx-coef", description = "PPO-ptx: weight of the next-token loss on demonstrations (default 0)")
    Double ptxCoef;

    @Option(names = "--rubric-reward", description = "use the sample's rubric as the reward instead of the reward model"
            + " (a diagnostic: what PPO reaches when the reward is right)")
    boolean rubricReward;

    @Option(names = "--separate-critic", description = "a critic of its own, initialised from the reward model,"
            + " instead of a value head on the policy's trunk")
    boolean separateCritic;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "any other PPO setting by its config name,"
            + " e.g. --set vfCoef=0.2 --set ppoEpochs=2 (names as in the run's saved config JSON)")
    java.util.Map<String, String> overrides = new java.util.LinkedHashMap<>();

    @Mixin
    CheckpointOption checkpoint = new CheckpointOption();

    @Mixin
    LoraOptions lora = new LoraOptions();

    @Option(names = "--resume", paramLabel = "RUN", description = "continue run RUN from its last checkpoint")
    Long resume;

    static PpoConfig config(Integer steps, Double klCoef, boolean adaptive, Float lr, Float temperature, Long seed,
                            boolean separateCritic) {
        PpoConfig d = PpoConfig.defaults();
        return new PpoConfig(steps == null ? d.steps() : steps, d.rolloutPrompts(), d.miniBatches(), d.ppoEpochs(),
                lr == null ? d.learningRate() : lr, temperature == null ? d.temperature() : temperature, d.maxNewTokens(), klCoef == null ? d.klCoef() : klCoef,
                d.klEstimator(), adaptive, d.klTarget(), d.klHorizon(), d.cliprange(), d.cliprangeValue(), d.vfCoef(),
                d.gamma(), d.lam(), d.entropyCoef(), d.missingEosPenalty(), d.rewardClip(), d.probeEvery(),
                d.checkpointEvery(), seed == null ? d.seed() : seed, d.ptxCoef(), d.samplesPerPrompt(), separateCritic);
    }

    /**
     * {@code cfg} if its temperature is at least {@link #MIN_TEMPERATURE} (the GUI's lower bound):
     * at 0 the tempered log-probs divide by zero and the run fails with NaN.
     */
    static PpoConfig checked(PpoConfig cfg, CommandSpec spec) {
        if (!(cfg.temperature() >= MIN_TEMPERATURE)) {
            throw new ParameterException(spec.commandLine(), "--temperature must be at least " + MIN_TEMPERATURE
                    + " (log-probs are divided by it), was " + cfg.temperature());
        }
        return cfg;
    }

    @Override
    public Integer call() throws Exception {
        Float rate = lora.learningRate(lr, PpoConfig.defaults().learningRate());
        PpoConfig ppo = checked(checkpoint.apply(ConfigOverrides.apply(config(steps, klCoef, adaptive, rate, temperature,
                seed, separateCritic).withPtx(ptxCoef == null ? 0 : ptxCoef), overrides)), spec);
        PpoJob.Config cfg = new PpoJob.Config(model, rewardModel, 0.2, ppo, rubricReward, lora.config(ppo.seed()));
        return TrainRunner.run(dir, resume, new PpoJob(cfg),
                json -> new PpoJob(new ObjectMapper().convertValue(json, PpoJob.Config.class)),
                spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
