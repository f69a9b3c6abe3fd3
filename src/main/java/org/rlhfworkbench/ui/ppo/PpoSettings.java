package org.rlhfworkbench.ui.ppo;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.rlhfworkbench.core.ModelEntry;
import org.rlhfworkbench.core.ModelKind;
import org.rlhfworkbench.jobs.run.PpoJob;
import org.rlhfworkbench.core.config.PpoConfig;
import org.rlhfworkbench.ui.charts.LoraSettings;
import org.rlhfworkbench.ui.charts.ModelChoice;
import org.rlhfworkbench.ui.charts.RunFormat;

/**
 * The PPO form's state: the policy's starting model (also the frozen reference), the reward
 * model, and the main knobs of {@link PpoConfig} (steps, KL coefficient, adaptive KL, learning
 * rate, temperature, PPO-ptx coefficient, separate critic, probe interval, seed). Every other setting comes from the base config,
 * {@link PpoConfig#defaults()} unless {@link #use} changed it. Holds no nodes.
 */
public final class PpoSettings {
    static final String AUTOMATIC_POLICY = "newest SFT model (else policy, base)";
    static final String AUTOMATIC_REWARD = "newest reward model";
    /** Share of prompts held out of training for evaluation (as the CLI does). */
    static final double EVAL_FRACTION = 0.2;

    private final ObservableList<ModelChoice> policies = FXCollections.observableArrayList();
    private final ObservableList<ModelChoice> rewards = FXCollections.observableArrayList();
    private final ObjectProperty<ModelChoice> policy = new SimpleObjectProperty<>(this, "policy");
    private final ObjectProperty<ModelChoice> reward = new SimpleObjectProperty<>(this, "reward");
    private final ObjectProperty<Integer> steps = new SimpleObjectProperty<>(this, "steps");
    private final ObjectProperty<Double> klCoef = new SimpleObjectProperty<>(this, "klCoef");
    private final BooleanProperty adaptiveKl = new SimpleBooleanProperty(this, "adaptiveKl");
    private final StringProperty learningRate = new SimpleStringProperty(this, "learningRate");
    private final ObjectProperty<Double> temperature = new SimpleObjectProperty<>(this, "temperature");
    private final ObjectProperty<Integer> probeEvery = new SimpleObjectProperty<>(this, "probeEvery");
    private final ObjectProperty<Integer> seed = new SimpleObjectProperty<>(this, "seed");
    private final LoraSettings lora = new LoraSettings();
    private final ObjectProperty<Double> ptxCoef = new SimpleObjectProperty<>(this, "ptxCoef");
    private final BooleanProperty separateCritic = new SimpleBooleanProperty(this, "separateCritic");
    private PpoConfig base;

    public PpoSettings() {
        use(PpoConfig.defaults());
    }

    /** Fills the form from {@code config}; its other settings become the base of the next run. */
    public void use(PpoConfig config) {
        base = config;
        steps.set(config.steps());
        klCoef.set(config.klCoef());
        adaptiveKl.set(config.adaptiveKl());
        learningRate.set(RunFormat.rate(config.learningRate()));
        temperature.set((double) config.temperature());
        probeEvery.set(config.probeEvery());
        seed.set((int) config.seed());
        ptxCoef.set(config.ptxCoef());
        separateCritic.set(config.separateCritic());
    }

    /** Offers the project's models: SFT, policy or base models to start from, reward models to score. */
    void modelsChanged(List<ModelEntry> models) {
        List<ModelChoice> p = ModelChoice.list(AUTOMATIC_POLICY, models, m -> m.kind() != ModelKind.REWARD);
        List<ModelChoice> r = ModelChoice.list(AUTOMATIC_REWARD, models, m -> m.kind() == ModelKind.REWARD);
        ModelChoice keepPolicy = ModelChoice.keep(p, policy.get());
        ModelChoice keepReward = ModelChoice.keep(r, reward.get());
        policies.setAll(p);
        rewards.setAll(r);
        policy.set(keepPolicy);
        reward.set(keepReward);
    }

    /** The run config from the form; IllegalArgumentException says what is wrong. */
    PpoJob.Config config() {
        PpoConfig b = base;
        float lr = RunFormat.parseRate(learningRate.get());
        if (!(temperature.get() > 0)) {
            throw new IllegalArgumentException("Temperature must be above 0, was " + temperature.get());
        }
        if (!(klCoef.get() >= 0) || !(ptxCoef.get() >= 0)) {
            throw new IllegalArgumentException("The KL and PPO-ptx coefficients must be 0 or more");
        }
        PpoConfig ppo = new PpoConfig(steps.get(), b.rolloutPrompts(), b.miniBatches(), b.ppoEpochs(), lr,
                temperature.get().floatValue(), b.maxNewTokens(), klCoef.get(), b.klEstimator(), adaptiveKl.get(),
                b.klTarget(), b.klHorizon(), b.cliprange(), b.cliprangeValue(), b.vfCoef(), b.gamma(), b.lam(),
                b.entropyCoef(), b.missingEosPenalty(), b.rewardClip(), probeEvery.get(), b.checkpointEvery(),
                seed.get(), ptxCoef.get(), b.samplesPerPrompt(), separateCritic.get());
        return new PpoJob.Config(id(policy.get()), id(reward.get()), EVAL_FRACTION, ppo, false,
                lora.config(ppo.seed()));
    }

    private static Long id(ModelChoice c) {
        return c == null ? null : c.id();
    }

    /** Steps between the checkpoints a run writes on its own. */
    public int checkpointEvery() {
        return base.checkpointEvery();
    }

    public ObservableList<ModelChoice> policies() {
        return policies;
    }

    public ObservableList<ModelChoice> rewards() {
        return rewards;
    }

    public ObjectProperty<ModelChoice> policyProperty() {
        return policy;
    }

    public ObjectProperty<ModelChoice> rewardProperty() {
        return reward;
    }

    public ObjectProperty<Integer> stepsProperty() {
        return steps;
    }

    public ObjectProperty<Double> klCoefProperty() {
        return klCoef;
    }

    public BooleanProperty adaptiveKlProperty() {
        return adaptiveKl;
    }

    public StringProperty learningRateProperty() {
        return learningRate;
    }

    public ObjectProperty<Double> temperatureProperty() {
        return temperature;
    }

    public ObjectProperty<Integer> probeEveryProperty() {
        return probeEvery;
    }

    public LoraSettings lora() {
        return lora;
    }

    public ObjectProperty<Integer> seedProperty() {
        return seed;
    }

    public ObjectProperty<Double> ptxCoefProperty() {
        return ptxCoef;
    }

    public BooleanProperty separateCriticProperty() {
        return separateCritic;
    }
}
