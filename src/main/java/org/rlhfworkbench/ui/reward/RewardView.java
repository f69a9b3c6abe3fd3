package org.rlhfworkbench.ui.reward;

import java.net.URL;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.rlhfworkbench.ui.charts.LoraSettings;
import org.rlhfworkbench.ui.charts.ModelChoice;
import org.rlhfworkbench.ui.charts.RunDashboard;
import org.rlhfworkbench.ui.charts.RunsPane;
import org.rlhfworkbench.ui.charts.SettingsForm;
import org.rlhfworkbench.ui.charts.TrainControls;

/**
 * The Reward tab: settings, run controls and reward runs on the left; in the centre the live
 * dashboard and the inspection of trained reward models, as two tabs.
 */
public final class RewardView extends BorderPane {
    private final RunDashboard dashboard;

    public RewardView(RewardViewModel viewModel) {
        setId("rewardView");
        getStyleClass().add("training-view");
        URL css = RunDashboard.class.getResource(RunDashboard.STYLESHEET);
        if (css != null) {
            getStylesheets().add(css.toExternalForm());
        }
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
        form.disableProperty().bind(viewModel.runner().activeProperty());
        model.disableProperty().bind(viewModel.runner().activeProperty());
        Label title = new Label("Reward model");
        title.getStyleClass().add("section-title");
        Label note = new Label("Trains on the project's K-way rankings: all K responses of a prompt in one batch,"
                + " loss over all C(K,2) ordered pairs.");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        note.getStyleClass().add("hint");
        RunsPane runs = new RunsPane(viewModel.runner(), viewModel::resume);
        VBox.setVgrow(runs, Priority.ALWAYS);
        VBox side = new VBox(8, title, note, new Label("Backbone"), model, form,
                new TrainControls(viewModel.runner(), viewModel::start), runs);
        side.getStyleClass().add("training-sidebar");
        ScrollPane scroll = new ScrollPane(side);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        setLeft(scroll);
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
