package org.rlhfworkbench.ui.label;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * Shown instead of the cards: no project, no policy model, loading, failure, or nothing left to
 * label. With no project or no model it may offer an action (the main window's new-project guide).
 */
final class EmptyState extends VBox {
    private final Button action = new Button();
    private final ObjectProperty<Runnable> onAction = new SimpleObjectProperty<>(this, "onAction");

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
        action.setId("emptyAction");
        action.setOnAction(e -> onAction.get().run());
        action.visibleProperty().bind(Bindings.createBooleanBinding(() -> onAction.get() != null
                && (screen.phaseProperty().get() == Phase.NO_PROJECT || screen.phaseProperty().get() == Phase.NO_SERVICE),
                onAction, screen.phaseProperty()));
        action.managedProperty().bind(action.visibleProperty());
        getChildren().addAll(title, detail, action);
    }

    /** Offers {@code run} as a button labelled {@code text} while there is no project or no model. */
    void setAction(String text, Runnable run) {
        action.setText(text);
        onAction.set(run);
    }
}
