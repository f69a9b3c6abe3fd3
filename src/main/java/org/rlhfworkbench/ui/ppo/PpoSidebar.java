package org.rlhfworkbench.ui.ppo;

import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import org.rlhfworkbench.core.RunStatus;
import org.rlhfworkbench.ui.charts.LoraSettings;
import org.rlhfworkbench.ui.charts.ModelChoice;
import org.rlhfworkbench.ui.charts.SettingsForm;
import org.rlhfworkbench.ui.charts.TrainingSidebar;

/** The PPO tab's left side (a {@link TrainingSidebar}): models, settings, run controls, "save checkpoint now", and the PPO runs. */
final class PpoSidebar {
    private PpoSidebar() {
    }

    static TrainingSidebar of(PpoViewModel vm) {
        PpoSettings s = vm.settings();
        ComboBox<ModelChoice> policy = combo("ppoPolicy");
        policy.setItems(s.policies());
        policy.valueProperty().bindBidirectional(s.policyProperty());
        ComboBox<ModelChoice> reward = combo("ppoReward");
        reward.setItems(s.rewards());
        reward.valueProperty().bindBidirectional(s.rewardProperty());
        CheckBox adaptive = new CheckBox();
        adaptive.setId("ppoAdaptiveKl");
        adaptive.selectedProperty().bindBidirectional(s.adaptiveKlProperty());
        CheckBox critic = new CheckBox();
        critic.setId("ppoSeparateCritic");
        critic.selectedProperty().bindBidirectional(s.separateCriticProperty());
        SettingsForm form = new SettingsForm()
                .row("Steps", "PPO iterations: sample a batch of prompts, score, update",
                        SettingsForm.integer("ppoSteps", 1, 100_000, s.stepsProperty()))
                .row("KL coefficient", "beta: per-token penalty on the log-ratio to the SFT model (TRL: 0.05)",
                        SettingsForm.decimal("ppoKlCoef", 0, 10, 0.01, s.klCoefProperty()))
                .row("Adaptive KL", "Ziegler et al.'s controller moves beta towards a target KL", adaptive)
                .row("Learning rate", "Peak AdamW learning rate, e.g. 3e-5",
                        SettingsForm.text("ppoLearningRate", s.learningRateProperty()))
                .row("Temperature", "Sampling temperature of the rollouts (TRL: 0.7)",
                        SettingsForm.decimal("ppoTemperature", 0.05, 2, 0.05, s.temperatureProperty()))
                .row("PPO-ptx", "gamma_ptx: weight of the next-token loss on demonstrations mixed into the PPO"
                        + " loss (InstructGPT); keeps what the SFT model knew. 0 = off",
                        SettingsForm.decimal("ppoPtxCoef", 0, 100, 0.1, s.ptxCoefProperty()))
                .row("Separate critic", "Values from a critic of its own, initialised from the reward model"
                        + " (InstructGPT); off: a value head on the policy's trunk. Uses a second copy of the RM", critic)
                .row("Probe every", "Steps between re-sampling the probe prompts shown under the charts",
                        SettingsForm.integer("ppoProbeEvery", 1, 10_000, s.probeEveryProperty()))
                .row("Seed", "Prompt order, sampling and value-head initialisation",
                        SettingsForm.integer("ppoSeed", 0, Integer.MAX_VALUE, s.seedProperty()));
        LoraSettings.addTo(form, s.lora(), "ppo");
        form.disableProperty().bind(vm.runningProperty());
        policy.disableProperty().bind(vm.runningProperty());
        reward.disableProperty().bind(vm.runningProperty());
        Button save = new Button("Save checkpoint now");
        save.setId("saveCheckpoint");
        save.setTooltip(new Tooltip("Stops after the current step, writes a checkpoint and continues the same run"
                + " from it (the models reload, a few seconds). To stop and keep the checkpoint, use Cancel."));
        save.setOnAction(e -> vm.saveCheckpointNow());
        save.disableProperty().bind(vm.runner().statusProperty().isNotEqualTo(RunStatus.RUNNING));
        Label saved = TrainingSidebar.hint("");
        saved.setId("checkpointNote");
        saved.textProperty().bind(vm.checkpointNoteProperty());
        return TrainingSidebar.of(vm, "PPO", "The policy starts from the chosen model, which also stays frozen as"
                + " the KL reference; the reward model scores each answer. A checkpoint is written every "
                + s.checkpointEvery() + " steps, when you stop (Cancel) and at the end; stopped runs continue from the"
                + " run list.").add(new Label("Policy start and reference"), policy, new Label("Reward model"), reward,
                form).controls(save, saved);
    }

    private static ComboBox<ModelChoice> combo(String id) {
        ComboBox<ModelChoice> c = new ComboBox<>();
        c.setId(id);
        c.setMaxWidth(Double.MAX_VALUE);
        return c;
    }

}
