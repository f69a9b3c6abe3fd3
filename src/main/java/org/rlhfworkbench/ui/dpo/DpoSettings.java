package org.rlhfworkbench.ui.dpo;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.rlhfworkbench.jobs.run.DpoJob;
import org.rlhfworkbench.jobs.run.OnlineDpoJob;
import org.rlhfworkbench.core.config.DpoConfig;
import org.rlhfworkbench.core.config.OnlineDpoConfig;
import org.rlhfworkbench.ui.charts.LoraSettings;
import org.rlhfworkbench.ui.charts.RunFormat;

/** The DPO form's values, defaults from {@link DpoConfig} and {@link OnlineDpoConfig}; builds the job configs. */
public final class DpoSettings {
    private static final DpoConfig D = DpoConfig.defaults();
    private static final OnlineDpoConfig O = OnlineDpoConfig.defaults();
    private final BooleanProperty online = new SimpleBooleanProperty(this, "online", false);
    private final StringProperty loss = new SimpleStringProperty(this, "loss", D.loss());
    private final StringProperty beta = new SimpleStringProperty(this, "beta", Double.toString(D.beta()));
    private final StringProperty pairs = new SimpleStringProperty(this, "pairs", D.pairs());
    private final StringProperty labelSmoothing = new SimpleStringProperty(this, "labelSmoothing", "0");
    private final ObjectProperty<Integer> epochs = new SimpleObjectProperty<>(this, "epochs", D.epochs());
    private final StringProperty learningRate = new SimpleStringProperty(this, "learningRate", RunFormat.rate(D.learningRate()));
    private final ObjectProperty<Integer> seed = new SimpleObjectProperty<>(this, "seed", (int) D.seed());
    private final LoraSettings lora = new LoraSettings();
    private final ObjectProperty<Integer> iterations = new SimpleObjectProperty<>(this, "iterations", O.iterations());
    private final ObjectProperty<Integer> prompts = new SimpleObjectProperty<>(this, "prompts", O.promptsPerIteration());
    private final ObjectProperty<Integer> k = new SimpleObjectProperty<>(this, "k", O.k());
    private final StringProperty choice = new SimpleStringProperty(this, "choice", O.choice());
    private final StringProperty reference = new SimpleStringProperty(this, "reference", O.reference());
    private final ObjectProperty<Integer> probeEvery = new SimpleObjectProperty<>(this, "probeEvery", O.probeEvery());

    DpoConfig dpo(String pairRule) {
        return new DpoConfig(loss.get(), parse("beta", beta.get()), pairRule, parse("label smoothing", labelSmoothing.get()),
                epochs.get(), D.batchSize(), RunFormat.parseRate(learningRate.get()), D.warmupSteps(), D.maxLength(),
                D.checkpointEvery(), seed.get());
    }

    DpoJob.Config offlineConfig() {
        return new DpoJob.Config(null, null, 0.2, dpo(pairs.get()), lora.config(seed.get()));
    }

    OnlineDpoJob.Config onlineConfig() {
        return new OnlineDpoJob.Config(null, null, 0.2, new OnlineDpoConfig(iterations.get(), prompts.get(), k.get(),
                O.temperature(), O.maxNewTokens(), choice.get(), reference.get(), dpo("best-worst"), probeEvery.get()), lora.config(seed.get()));
    }

    public LoraSettings lora() {
        return lora;
    }

    private static double parse(String what, String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " '" + text + "' is not a number", e);
        }
    }

    /** Online iterative DPO (sample, score, pair, train, repeat) instead of offline DPO on the rankings. */
    public BooleanProperty online() {
        return online;
    }

    public StringProperty loss() {
        return loss;
    }

    public StringProperty beta() {
        return beta;
    }

    public StringProperty pairs() {
        return pairs;
    }

    public StringProperty labelSmoothing() {
        return labelSmoothing;
    }

    public ObjectProperty<Integer> epochs() {
        return epochs;
    }

    public StringProperty learningRate() {
        return learningRate;
    }

    public ObjectProperty<Integer> seed() {
        return seed;
    }

    public ObjectProperty<Integer> iterations() {
        return iterations;
    }

    public ObjectProperty<Integer> prompts() {
        return prompts;
    }

    public ObjectProperty<Integer> k() {
        return k;
    }

    public StringProperty choice() {
        return choice;
    }

    public StringProperty reference() {
        return reference;
    }

    /** Steps between probe samples (online runs; offline runs probe every 10 steps). */
    public ObjectProperty<Integer> probeEvery() {
        return probeEvery;
    }
}
