package org.rlhfworkbench.ui.sft;

import java.net.URL;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.rlhfworkbench.ui.charts.ModelChoice;
import org.rlhfworkbench.ui.charts.RunDashboard;
import org.rlhfworkbench.ui.charts.RunsPane;
import org.rlhfworkbench.ui.charts.LoraSettings;
import org.rlhfworkbench.ui.charts.SettingsForm;
import org.rlhfworkbench.ui.charts.TrainControls;

/** The SFT tab: settings, run controls and the list of SFT runs on the left; the live dashboard in the centre. */
public final class SftView extends BorderPane {
    private final RunDashboard dashboard;

    public SftView(SftViewModel viewModel) {
        setId("sftView");
        getStyleClass().add("training-view");
        URL css = RunDashboard.class.getResource(RunDashboard.STYLESHEET);
        if (css != null) {
            getStylesheets().add(css.toExternalForm());
        }
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
        form.disableProperty().bind(viewModel.runner().activeProperty());
        model.disableProperty().bind(viewModel.runner().activeProperty());
        Label title = new Label("Supervised fine-tuning");
        title.getStyleClass().add("section-title");
        Label note = new Label("Next-token loss on the answers of the project's demonstrations; prompts masked.");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        note.getStyleClass().add("hint");
        RunsPane runs = new RunsPane(viewModel.runner(), viewModel::resume);
        VBox.setVgrow(runs, Priority.ALWAYS);
        VBox side = new VBox(8, title, note, new Label("Starting model"), model, form,
                new TrainControls(viewModel.runner(), viewModel::start), runs);
        side.getStyleClass().add("training-sidebar");
        ScrollPane scroll = new ScrollPane(side);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        setLeft(scroll);
        dashboard = new RunDashboard(viewModel.runner());
        setCenter(dashboard);
    }

    public RunDashboard dashboard() {
        return dashboard;
    }
}
