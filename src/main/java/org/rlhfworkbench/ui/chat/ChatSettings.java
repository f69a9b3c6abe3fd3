package org.rlhfworkbench.ui.chat;

import java.util.Comparator;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.rlhfworkbench.core.ModelEntry;
import org.rlhfworkbench.jobs.eval.Sampling;

/** Who the chat talks to and how it samples: model, system prompt, temperature, length, K alternatives. No nodes. */
public final class ChatSettings {
    private final ObservableList<ModelEntry> models = FXCollections.observableArrayList();
    private final ObjectProperty<ModelEntry> model = new SimpleObjectProperty<>(this, "model");
    private final StringProperty systemPrompt = new SimpleStringProperty(this, "systemPrompt", "");
    private final ObjectProperty<Double> temperature =
            new SimpleObjectProperty<>(this, "temperature", (double) Sampling.DEFAULT.temperature());
    private final ObjectProperty<Integer> maxNewTokens =
            new SimpleObjectProperty<>(this, "maxNewTokens", Sampling.DEFAULT.maxNewTokens());
    private final ObjectProperty<Integer> k = new SimpleObjectProperty<>(this, "k", 3);

    /** Newest model first, and chosen. */
    void setModels(List<ModelEntry> all) {
        models.setAll(all.stream().sorted(Comparator.comparingLong(ModelEntry::id).reversed()).toList());
        model.set(models.isEmpty() ? null : models.get(0));
    }

    Sampling sampling() {
        return new Sampling(temperature.get().floatValue(), 1f, maxNewTokens.get());
    }

    public ObservableList<ModelEntry> models() {
        return models;
    }

    public ObjectProperty<ModelEntry> modelProperty() {
        return model;
    }

    public StringProperty systemPromptProperty() {
        return systemPrompt;
    }

    public ObjectProperty<Double> temperatureProperty() {
        return temperature;
    }

    public ObjectProperty<Integer> maxNewTokensProperty() {
        return maxNewTokens;
    }

    /** How many alternatives a regenerate makes. */
    public ObjectProperty<Integer> kProperty() {
        return k;
    }
}
