package org.rlhfworkbench.ui.reward;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import org.rlhfworkbench.ui.charts.LoraSettings;
import org.rlhfworkbench.ui.charts.ModelChoice;
import org.rlhfworkbench.ui.charts.RunDashboard;
import org.rlhfworkbench.ui.charts.SettingsForm;
import org.rlhfworkbench.ui.charts.TrainingSidebar;

/**
 * The Reward tab: settings, run controls and reward runs on the left; in the centre the live
 * dashboard and the inspection of trained reward models, as two tabs.
 */
public final class RewardView extends BorderPane {
    private final RunDashboard dashboard;

    public RewardView(RewardViewModel viewModel) {
        TrainingSidebar.style(this, "rewardView");
        ComboBox<ModelChoice> model = new ComboBox<>(viewModel.models());
        model.setId("rewardBackbone");
        model.valueProperty().bindBidirectional(viewModel.modelProperty());
        model.setMaxWidth(Double.MAX_VALUE);
        SettingsForm form = new SettingsForm()
                .row("Epochs", "Passes over the ranked prompts (InstructGPT: 1)",
                        SettingsForm.integer("rewardEpochs", 1, 100, viewModel.epochsProperty()))
                .row("Prompts / step", "Ranked prompts per step, each with all its K responses",
                        SettingsForm.integer("rewardBatch", 1, 256, viewModel.promptsPerStepProperty()))
                .row("Learning rate", "Peak AdamW learning rate, e.g. 5e-5",
                        SettingsForm.text("rewardLearningRate", viewModel.learningRateProperty()))
                .row("Margin", "Margin scale on rating differences (Llama 2); 0 = off",
                        SettingsForm.decimal("rewardMargin", 0, 10, 0.1, viewModel.marginProperty()))
                .row("Centring", "center_rewards_coefficient: + c * mean(r²) keeps rewards near 0; 0 = off",
                        SettingsForm.decimal("rewardCenter", 0, 1, 0.01, viewModel.centerProperty()))
                .row("Seed", "Head initialisation, data order and held-out split",
                        SettingsForm.integer("rewardSeed", 0, Integer.MAX_VALUE, viewModel.seedProperty()));
        LoraSettings.addTo(form, viewModel.lora(), "reward");
        setLeft(TrainingSidebar.of(viewModel, "Reward model", "Trains on the project's K-way rankings: all K"
                + " responses of a prompt in one batch, loss over all C(K,2) ordered pairs.")
                .add(new Label("Backbone")).settings(model, form).controls());
        dashboard = new RunDashboard(viewModel.runner());
        Tab training = new Tab("Training", dashboard);
        training.setId("rewardTrainingTab");
        Tab inspect = new Tab("Inspect reward model", new InspectionView(viewModel.inspection()));
        inspect.setId("rewardInspectTab");
        TabPane tabs = new TabPane(training, inspect);
        tabs.setId("rewardTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setCenter(tabs);
    }

    public RunDashboard dashboard() {
        return dashboard;
    }
}
