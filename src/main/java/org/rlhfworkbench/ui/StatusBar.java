package org.rlhfworkbench.ui;

import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** Bottom line of a window: what is happening, the open project's folder, the compute device, a spinner while busy. */
public final class StatusBar extends HBox {

    public StatusBar(ObservableStringValue message, ObservableStringValue path, ObservableBooleanValue busy) {
        this(message, path, busy, new javafx.beans.property.SimpleStringProperty(""));
    }

    public StatusBar(ObservableStringValue message, ObservableStringValue path, ObservableBooleanValue busy,
                     ObservableStringValue device) {
        setId("statusBar");
        getStyleClass().add("status-bar");
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("busyIndicator");
        progress.setPrefSize(16, 16);
        progress.visibleProperty().bind(busy);
        progress.managedProperty().bind(busy);

        Label messageLabel = new Label();
        messageLabel.setId("statusMessage");
        messageLabel.textProperty().bind(message);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label pathLabel = new Label();
        pathLabel.setId("statusPath");
        pathLabel.getStyleClass().add("status-path");
        pathLabel.textProperty().bind(path);

        Label deviceLabel = new Label();
        deviceLabel.setId("statusDevice");
        deviceLabel.getStyleClass().add("status-path");
        deviceLabel.textProperty().bind(device);

        getChildren().addAll(progress, messageLabel, spacer, pathLabel, deviceLabel);
    }
}
