package org.rlhfworkbench.ui.reward;

import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.rlhfworkbench.ui.charts.ModelChoice;

/**
 * Reward-model inspection: pick a reward model and inspect it; the held-out prompts table on top,
 * accuracy breakdown, score-difference histogram and the "score any text" box below.
 */
public final class InspectionView extends BorderPane {

    public InspectionView(InspectionViewModel viewModel) {
        setId("inspectionView");
        getStyleClass().add("inspection-view");
        ComboBox<ModelChoice> model = new ComboBox<>(viewModel.rewardModels());
        model.setId("inspectModel");
        model.valueProperty().bindBidirectional(viewModel.rewardModelProperty());
        model.setPrefWidth(280);
        Button inspect = new Button("Inspect");
        inspect.setId("inspectButton");
        inspect.disableProperty().bind(viewModel.busyProperty());
        inspect.setOnAction(e -> viewModel.inspect());
        inspect.setMinWidth(Region.USE_PREF_SIZE);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(viewModel.busyProperty());
        Label status = new Label();
        status.setId("inspectStatus");
        status.setWrapText(true);
        status.textProperty().bind(viewModel.statusProperty());
        status.setMinHeight(Region.USE_PREF_SIZE);
        Label modelLabel = new Label("Reward model");
        modelLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(8, modelLabel, model, inspect, busy);
        bar.getStyleClass().add("dashboard-toolbar");

        InspectionTable table = new InspectionTable(viewModel);
        CheckBox only = new CheckBox("Only prompts where the model contradicts the human order");
        only.setId("onlyMismatches");
        only.selectedProperty().bindBidirectional(viewModel.onlyMismatchesProperty());
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox upper = new VBox(4, status, only, table);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (item != null && item.getValue() != null) {
                useForScoring(viewModel, item.getValue());
            }
        });

        AccuracyTable accuracy = new AccuracyTable(viewModel);
        MarginHistogram histogram = new MarginHistogram(viewModel);
        ScoreBox score = new ScoreBox(viewModel);
        SplitPane lower = new SplitPane(accuracy, histogram, score);
        lower.setDividerPositions(0.3, 0.64);
        SplitPane split = new SplitPane(upper, lower);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        setTop(bar);
        setCenter(split);
    }

    /** Selecting a row picks its prompt for scoring; a response row also copies its text to edit. */
    private static void useForScoring(InspectionViewModel viewModel, InspectionRow row) {
        viewModel.scorePrompts().stream().filter(p -> p.id() == row.promptId()).findFirst()
                .ifPresent(viewModel.scorePromptProperty()::set);
        if (!row.promptRow()) {
            viewModel.scoreTextProperty().set(row.text());
        }
    }
}
