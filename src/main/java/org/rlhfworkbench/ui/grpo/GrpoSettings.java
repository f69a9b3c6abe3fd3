package org.rlhfworkbench.ui.grpo;

import java.util.Arrays;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.rlhfworkbench.jobs.run.GrpoJob;
import org.rlhfworkbench.jobs.run.RewardSpec;
import org.rlhfworkbench.core.config.GrpoConfig;
import org.rlhfworkbench.ui.charts.LoraSettings;
import org.rlhfworkbench.ui.charts.RunFormat;

/** The GRPO form's values, defaults from {@link GrpoConfig}; builds the job config. */
public final class GrpoSettings {
    private static final GrpoConfig D = GrpoConfig.defaults();
    private final StringProperty loss = new SimpleStringProperty(this, "loss", "dapo");
    private final StringProperty rewards = new SimpleStringProperty(this, "rewards", "exact, rm");
    private final StringProperty beta = new SimpleStringProperty(this, "beta", Double.toString(D.algorithm().beta()));
    private final ObjectProperty<Integer> group = new SimpleObjectProperty<>(this, "group", D.rollout().group());
    private final ObjectProperty<Integer> prompts = new SimpleObjectProperty<>(this, "prompts", D.rollout().prompts());
    private final ObjectProperty<Integer> steps = new SimpleObjectProperty<>(this, "steps", D.optimisation().steps());
    private final StringProperty learningRate = new SimpleStringProperty(this, "learningRate",
            RunFormat.rate(D.optimisation().learningRate()));
    private final ObjectProperty<Integer> seed = new SimpleObjectProperty<>(this, "seed", (int) D.optimisation().seed());
    private final ObjectProperty<Integer> probeEvery = new SimpleObjectProperty<>(this, "probeEvery",
            D.rollout().probeEvery());
    private final LoraSettings lora = new LoraSettings();

    /** The job config; a bad field throws IllegalArgumentException naming it. */
    GrpoJob.Config config() {
        double b;
        try {
            b = Double.parseDouble(beta.get().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("beta '" + beta.get() + "' is not a number", e);
        }
        List<String> specs = Arrays.stream(rewards.get().split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
        specs.forEach(RewardSpec::parse);
        GrpoConfig.Rollout r = D.rollout();
        GrpoConfig.Optimisation o = D.optimisation();
        GrpoConfig cfg = new GrpoConfig(
                new GrpoConfig.Rollout(prompts.get(), group.get(), r.temperature(), r.maxNewTokens(), probeEvery.get()),
                GrpoConfig.Algorithm.preset(loss.get()).withBeta(b),
                new GrpoConfig.Optimisation(steps.get(), RunFormat.parseRate(learningRate.get()), o.epochs(),
                        o.miniBatches(), o.checkpointEvery(), seed.get()));
        return new GrpoJob.Config(null, specs, 0.2, cfg, lora.config(seed.get()));
    }

    public LoraSettings lora() {
        return lora;
    }

    /** grpo, dr_grpo, dapo or gspo. */
    public StringProperty loss() {
        return loss;
    }

    /** Comma-separated reward sources, e.g. "exact, rm:0.5, format:0.2". */
    public StringProperty rewards() {
        return rewards;
    }

    public StringProperty beta() {
        return beta;
    }

    public ObjectProperty<Integer> group() {
        return group;
    }

    public ObjectProperty<Integer> prompts() {
        return prompts;
    }

    public ObjectProperty<Integer> steps() {
        return steps;
    }

    public StringProperty learningRate() {
        return learningRate;
    }

    public ObjectProperty<Integer> seed() {
        return seed;
    }

    public ObjectProperty<Integer> probeEvery() {
        return probeEvery;
    }
}
