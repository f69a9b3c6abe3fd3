package org.rlhfworkbench.ui.dpo;

import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import org.rlhfworkbench.ui.charts.LoraSettings;
import org.rlhfworkbench.ui.charts.SettingsForm;
import org.rlhfworkbench.ui.charts.TrainingSidebar;

/** The DPO tab's left side: offline or online, the settings of each, run controls and the DPO runs. */
final class DpoSidebar {
    static final String OFFLINE = "Offline: DPO on the rankings";
    static final String ONLINE = "Online: sample, RM picks pairs, repeat";

    private DpoSidebar() {
    }

    static TrainingSidebar of(DpoViewModel vm) {
        DpoSettings s = vm.settings();
        ComboBox<String> mode = new ComboBox<>(FXCollections.observableArrayList(OFFLINE, ONLINE));
        mode.setId("dpoMode");
        mode.setValue(s.online().get() ? ONLINE : OFFLINE);
        mode.valueProperty().addListener((obs, old, now) -> s.online().set(ONLINE.equals(now)));
        mode.setMaxWidth(Double.MAX_VALUE);
        SettingsForm common = new SettingsForm()
                .row("Loss", "dpo: -log sigmoid(beta h); ipo: (h - 1/(2 beta))^2", choice("dpoLoss", s.loss(), "dpo", "ipo"))
                .row("Beta", "Strength of the implicit KL to the reference; 0.1 as in TRL",
                        SettingsForm.text("dpoBeta", s.beta()))
                .row("Epochs", "Passes over the pairs (online: per round)",
                        SettingsForm.integer("dpoEpochs", 1, 100, s.epochs()))
                .row("Learning rate", "Peak AdamW learning rate", SettingsForm.text("dpoLearningRate", s.learningRate()))
                .row("Seed", "Pair order, sampling, held-out split", SettingsForm.integer("dpoSeed", 0,
                        Integer.MAX_VALUE, s.seed()));
        LoraSettings.addTo(common, s.lora(), "dpo");
        SettingsForm offline = new SettingsForm()
                .row("Pairs", "all C(K,2) ordered pairs of each ranking, or best vs worst",
                        choice("dpoPairs", s.pairs(), "all", "best-worst"))
                .row("Label smoothing", "Conservative DPO: assumed share of flipped labels",
                        SettingsForm.text("dpoLabelSmoothing", s.labelSmoothing()));
        SettingsForm online = new SettingsForm()
                .row("Rounds", "Iterations T of sample -> score -> pair -> DPO",
                        SettingsForm.integer("dpoIterations", 1, 100, s.iterations()))
                .row("Prompts per round", "Fresh prompts sampled each round",
                        SettingsForm.integer("dpoPrompts", 1, 100000, s.prompts()))
                .row("K", "Responses per prompt", SettingsForm.integer("dpoK", 2, 16, s.k()))
                .row("Choice", "maxmin: best vs worst RM score; random: a random pair",
                        choice("dpoChoice", s.choice(), "maxmin", "random"))
                .row("Reference", "sft: the SFT model; previous: the policy that sampled the round",
                        choice("dpoReference", s.reference(), "sft", "previous"));
        offline.visibleProperty().bind(s.online().not());
        offline.managedProperty().bind(offline.visibleProperty());
        online.visibleProperty().bind(s.online());
        online.managedProperty().bind(online.visibleProperty());
        return TrainingSidebar.of(vm, "DPO", Bindings.when(s.online())
                .then("Online iterative DPO (RLHFlow): each round samples K answers per prompt from the policy, the"
                        + " reward model keeps the best and the worst, and DPO trains on the new pairs.")
                .otherwise("Direct preference optimisation on the project's rankings, anchored to the SFT model."))
                .settings(mode, common, offline, online).controls();
    }

    private static ComboBox<String> choice(String id, javafx.beans.property.StringProperty value, String... options) {
        ComboBox<String> box = new ComboBox<>(FXCollections.observableArrayList(options));
        box.setId(id);
        box.valueProperty().bindBidirectional(value);
        return box;
    }
}
