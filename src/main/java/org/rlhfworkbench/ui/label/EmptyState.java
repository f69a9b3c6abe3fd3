package org.rlhfworkbench.ui.label;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Shown instead of the cards: no project, no policy model, loading, failure, or nothing left to label. */
final class EmptyState extends VBox {

    EmptyState(LabelScreen screen) {
        setId("labelEmptyState");
        getStyleClass().add("label-empty-state");
        Label title = new Label();
        title.setId("emptyTitle");
        title.getStyleClass().add("empty-title");
        title.textProperty().bind(screen.emptyTitleProperty());
        Label detail = new Label();
        detail.setId("emptyDetail");
        detail.getStyleClass().add("empty-detail");
        detail.setWrapText(true);
        detail.textProperty().bind(screen.emptyDetailProperty());
        getChildren().addAll(title, detail);
    }
}
