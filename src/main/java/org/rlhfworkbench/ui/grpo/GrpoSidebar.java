package org.rlhfworkbench.ui.grpo;

import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import org.rlhfworkbench.ui.charts.LoraSettings;
import org.rlhfworkbench.ui.charts.SettingsForm;
import org.rlhfworkbench.ui.charts.TrainingSidebar;

/** The GRPO tab's left side: recipe, reward sources and settings, run controls and the GRPO runs. */
final class GrpoSidebar {
    private GrpoSidebar() {
    }

    static TrainingSidebar of(GrpoViewModel vm) {
        GrpoSettings s = vm.settings();
        ComboBox<String> loss = new ComboBox<>(FXCollections.observableArrayList("dapo", "grpo", "dr_grpo", "gspo"));
        loss.setId("grpoLoss");
        loss.valueProperty().bindBidirectional(s.loss());
        SettingsForm form = new SettingsForm()
                .row("Recipe", "dapo: token mean, clip-higher, dynamic sampling; grpo: per-answer mean, std-scaled;"
                        + " dr_grpo: no std, constant normaliser; gspo: one ratio per answer", loss)
                .row("Rewards", "Sources, comma-separated, SOURCE[:WEIGHT]: rm, exact, format, regex=P, length[=N],"
                        + " rubric (the sample's simulated judge)", SettingsForm.text("grpoRewards", s.rewards()))
                .row("Group K", "Answers per prompt; the group mean is the baseline",
                        SettingsForm.integer("grpoGroup", 2, 64, s.group()))
                .row("Prompts per step", "Distinct prompts sampled each step",
                        SettingsForm.integer("grpoPrompts", 1, 1024, s.prompts()))
                .row("Beta", "k3 KL to the SFT model as a loss term; 0 loads no reference model",
                        SettingsForm.text("grpoBeta", s.beta()))
                .row("Steps", "Rollouts, each followed by its update", SettingsForm.integer("grpoSteps", 1, 100000,
                        s.steps()))
                .row("Learning rate", "Peak AdamW learning rate", SettingsForm.text("grpoLearningRate",
                        s.learningRate()))
                .row("Probe every", "Steps between probe samples", SettingsForm.integer("grpoProbeEvery", 0, 10000,
                        s.probeEvery()))
                .row("Seed", "Prompt order, sampling, minibatches", SettingsForm.integer("grpoSeed", 0,
                        Integer.MAX_VALUE, s.seed()));
        LoraSettings.addTo(form, s.lora(), "grpo");
        return TrainingSidebar.of(vm, "GRPO", "Group-relative policy optimisation: K answers per prompt, each scored"
                + " by the reward sources (each normalised on its own, then weighted), credited relative to its group."
                + " No critic.").settings(form).controls();
    }
}
