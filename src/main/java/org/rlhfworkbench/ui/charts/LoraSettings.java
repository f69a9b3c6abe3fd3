package org.rlhfworkbench.ui.charts;

import java.util.Arrays;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.rlhfworkbench.core.config.LoraConfig;

/**
 * The LoRA part of a training tab's settings (view-model state, no nodes): rank (0 = full
 * fine-tuning), alpha and target modules, with TRL's "LoRA without regret" defaults.
 */
public final class LoraSettings {
    private final ObjectProperty<Integer> rank = new SimpleObjectProperty<>(this, "rank", 0);
    private final ObjectProperty<Double> alpha =
            new SimpleObjectProperty<>(this, "alpha", (double) LoraConfig.defaults().alpha());
    private final StringProperty targets = new SimpleStringProperty(this, "targets", LoraConfig.ALL_LINEAR);

    /** The settings, or null for full fine-tuning (rank 0). */
    public LoraConfig config(long seed) {
        if (rank.get() == null || rank.get() <= 0) {
            return null;
        }
        List<String> t = Arrays.stream(targets.get().split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
        LoraConfig d = LoraConfig.defaults();
        return new LoraConfig(rank.get(), alpha.get().floatValue(), d.dropout(), d.rsLora(), t, seed);
    }

    public ObjectProperty<Integer> rankProperty() {
        return rank;
    }

    public ObjectProperty<Double> alphaProperty() {
        return alpha;
    }

    public StringProperty targetsProperty() {
        return targets;
    }

    /** Adds the LoRA rows to a settings form. */
    public static SettingsForm addTo(SettingsForm form, LoraSettings s, String idPrefix) {
        return form
                .row("LoRA rank", "0 trains every weight; 16 (LoRA without regret) trains small adapters on a frozen"
                        + " base, saved in PEFT's format. Use about 10x the full fine-tuning learning rate.",
                        SettingsForm.integer(idPrefix + "LoraRank", 0, 1024, s.rankProperty()))
                .row("LoRA alpha", "Scaling alpha / rank; 32 with rank 16",
                        SettingsForm.decimal(idPrefix + "LoraAlpha", 0.5, 4096, 1, s.alphaProperty()))
                .row("LoRA targets", "PEFT module names (q_proj, v_proj, c_attn, ...) or all-linear",
                        SettingsForm.text(idPrefix + "LoraTargets", s.targetsProperty()));
    }
}
