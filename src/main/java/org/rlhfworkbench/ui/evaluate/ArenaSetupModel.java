package org.rlhfworkbench.ui.evaluate;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.rlhfworkbench.core.ModelEntry;
import org.rlhfworkbench.core.ModelKind;
import org.rlhfworkbench.jobs.eval.ArenaSetup;
import org.rlhfworkbench.jobs.eval.PromptSet;
import org.rlhfworkbench.jobs.eval.Sampling;

/** The arena's setup form: which models, which prompts, how many, how to sample. No nodes. */
public final class ArenaSetupModel {
    private final ObservableList<ModelOption> models = FXCollections.observableArrayList();
    private final ObjectProperty<PromptSet> promptSet = new SimpleObjectProperty<>(this, "promptSet", PromptSet.HELD_OUT);
    private final StringProperty file = new SimpleStringProperty(this, "file", "");
    private final ObjectProperty<Integer> prompts = new SimpleObjectProperty<>(this, "prompts", 20);
    private final ObjectProperty<Double> temperature =
            new SimpleObjectProperty<>(this, "temperature", (double) Sampling.DEFAULT.temperature());
    private final ObjectProperty<Double> topP = new SimpleObjectProperty<>(this, "topP", (double) Sampling.DEFAULT.topP());
    private final ObjectProperty<Integer> maxNewTokens =
            new SimpleObjectProperty<>(this, "maxNewTokens", Sampling.DEFAULT.maxNewTokens());
    private final ObjectProperty<Integer> seed = new SimpleObjectProperty<>(this, "seed", 1);

    /** Offers the models that generate (not reward models); the two newest are ticked. */
    void setModels(List<ModelEntry> all) {
        List<ModelEntry> usable = all.stream().filter(m -> m.kind() != ModelKind.REWARD)
                .sorted(Comparator.comparingLong(ModelEntry::id).reversed()).toList();
        models.setAll(usable.stream().map(m -> new ModelOption(m, usable.indexOf(m) < 2)).toList());
    }

    /** The form as a setup; throws with a message for the status line when it is incomplete. */
    ArenaSetup toSetup() {
        List<Long> ids = models.stream().filter(o -> o.selectedProperty().get()).map(o -> o.model().id()).toList();
        if (ids.size() < 2) {
            throw new IllegalArgumentException("Tick two or more models to compare.");
        }
        Path f = promptSet.get() == PromptSet.FILE && !file.get().isBlank() ? Path.of(file.get().strip()) : null;
        return new ArenaSetup(ids, promptSet.get(), f, prompts.get(), temperature.get().floatValue(),
                topP.get().floatValue(), maxNewTokens.get(), seed.get(), "human");
    }

    public ObservableList<ModelOption> models() {
        return models;
    }

    public ObjectProperty<PromptSet> promptSetProperty() {
        return promptSet;
    }

    public StringProperty fileProperty() {
        return file;
    }

    public ObjectProperty<Integer> promptsProperty() {
        return prompts;
    }

    public ObjectProperty<Double> temperatureProperty() {
        return temperature;
    }

    public ObjectProperty<Double> topPProperty() {
        return topP;
    }

    public ObjectProperty<Integer> maxNewTokensProperty() {
        return maxNewTokens;
    }

    public ObjectProperty<Integer> seedProperty() {
        return seed;
    }
}
