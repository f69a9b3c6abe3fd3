package org.rlhfworkbench.ui.project;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

/** One row per {@link ProjectCount}: name on the left, the live value (label id "count-KEY") on the right. */
final class CountsPane extends GridPane {

    CountsPane(MainViewModel viewModel) {
        getStyleClass().add("counts-pane");
        int row = 0;
        for (ProjectCount count : ProjectCount.values()) {
            Label name = new Label(count.label());
            name.getStyleClass().add("count-name");
            Label value = new Label();
            value.setId("count-" + count.key());
            value.getStyleClass().add("count-value");
            ReadOnlyLongProperty property = viewModel.countProperty(count);
            value.textProperty().bind(Bindings.createStringBinding(() -> String.format("%,d", property.get()), property));
            GridPane.setHalignment(value, HPos.RIGHT);
            addRow(row++, name, value);
        }
    }
}
