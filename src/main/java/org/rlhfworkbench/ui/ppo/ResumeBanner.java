package org.rlhfworkbench.ui.ppo;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** "PPO run 4 was stopped. Continue it from its last checkpoint?" [Resume] [Not now], while one is offered. */
final class ResumeBanner extends HBox {
    ResumeBanner(PpoViewModel viewModel) {
        super(8);
        setId("resumeBanner");
        getStyleClass().add("resume-banner");
        setAlignment(Pos.CENTER_LEFT);
        UnfinishedRun offer = viewModel.unfinished();
        Label text = new Label();
        text.setWrapText(true);
        text.textProperty().bind(Bindings.createStringBinding(offer::describeOffer, offer.runProperty()));
        HBox.setHgrow(text, Priority.ALWAYS);
        Button resume = new Button("Resume");
        resume.setId("resumeUnfinished");
        resume.setOnAction(e -> viewModel.resumeUnfinished());
        resume.textProperty().bind(Bindings.createStringBinding(offer::actionLabel, offer.runProperty()));
        Button dismiss = new Button("Not now");
        dismiss.setId("dismissUnfinished");
        dismiss.setOnAction(e -> offer.dismiss());
        getChildren().addAll(text, resume, dismiss);
        visibleProperty().bind(offer.runProperty().isNotNull());
        managedProperty().bind(visibleProperty());
    }
}
