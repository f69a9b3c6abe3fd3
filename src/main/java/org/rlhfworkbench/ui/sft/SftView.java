package org.rlhfworkbench.ui.sft;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import org.rlhfworkbench.ui.charts.ModelChoice;
import org.rlhfworkbench.ui.charts.RunDashboard;
import org.rlhfworkbench.ui.charts.LoraSettings;
import org.rlhfworkbench.ui.charts.SettingsForm;
import org.rlhfworkbench.ui.charts.TrainingSidebar;

/** The SFT tab: settings, run controls and the list of SFT runs on the left; the live dashboard in the centre. */
public final class SftView extends BorderPane {
    private final RunDashboard dashboard;

    public SftView(SftViewModel viewModel) {
        TrainingSidebar.style(this, "sftView");
        ComboBox<ModelChoice> model = new ComboBox<>(viewModel.models());
        model.setId("sftModel");
        model.valueProperty().bindBidirectional(viewModel.modelProperty());
        model.setMaxWidth(Double.MAX_VALUE);
        SettingsForm form = new SettingsForm()
                .row("Epochs", "Passes over the demonstrations", SettingsForm.integer("sftEpochs", 1, 100,
                        viewModel.epochsProperty()))
                .row("Batch", "Demonstrations per optimiser step", SettingsForm.integer("sftBatch", 1, 512,
                        viewModel.batchSizeProperty()))
                .row("Learning rate", "Peak AdamW learning rate, e.g. 1e-4",
                        SettingsForm.text("sftLearningRate", viewModel.learningRateProperty()))
                .row("Seed", "Data order and validation split", SettingsForm.integer("sftSeed", 0, Integer.MAX_VALUE,
                        viewModel.seedProperty()));
        LoraSettings.addTo(form, viewModel.lora(), "sft");
        setLeft(TrainingSidebar.of(viewModel, "Supervised fine-tuning",
                "Next-token loss on the answers of the project's demonstrations; prompts masked.")
                .add(new Label("Starting model")).settings(model, form).controls());
        dashboard = new RunDashboard(viewModel.runner());
        setCenter(dashboard);
    }

    public RunDashboard dashboard() {
        return dashboard;
    }
}
