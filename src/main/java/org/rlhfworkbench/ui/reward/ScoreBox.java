package org.rlhfworkbench.ui.reward;

import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** "Score any text": pick a prompt, type an answer, see the reward model's score. */
final class ScoreBox extends VBox {

    ScoreBox(InspectionViewModel viewModel) {
        super(6);
        getStyleClass().add("score-box");
        Label title = new Label("Score any text");
        title.getStyleClass().add("section-title");
        ComboBox<PromptChoice> prompt = new ComboBox<>(viewModel.scorePrompts());
        prompt.setId("scorePrompt");
        prompt.valueProperty().bindBidirectional(viewModel.scorePromptProperty());
        prompt.setMaxWidth(Double.MAX_VALUE);
        prompt.setPromptText("Prompt");
        TextArea text = new TextArea();
        text.setId("scoreText");
        text.setWrapText(true);
        text.setPromptText("Type an answer to the prompt");
        text.textProperty().bindBidirectional(viewModel.scoreTextProperty());
        VBox.setVgrow(text, Priority.ALWAYS);
        Button score = new Button("Score");
        score.setId("scoreButton");
        score.disableProperty().bind(viewModel.loadedProperty().not().or(viewModel.busyProperty()));
        score.setOnAction(e -> viewModel.score());
        Label result = new Label();
        result.setId("scoreResult");
        result.getStyleClass().add("score-result");
        result.setWrapText(true);
        result.setMinHeight(Region.USE_PREF_SIZE);
        result.textProperty().bind(viewModel.scoreResultProperty());
        getChildren().addAll(title, prompt, text, score, result);
    }
}
