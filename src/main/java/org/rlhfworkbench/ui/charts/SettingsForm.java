package org.rlhfworkbench.ui.charts;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;

/** A two-column form of run settings, with editors bound both ways to view-model properties. */
public final class SettingsForm extends GridPane {
    private int rows;

    public SettingsForm() {
        getStyleClass().add("settings-form");
        setHgap(8);
        setVgap(6);
    }

    public SettingsForm row(String label, String help, Node editor) {
        Label l = new Label(label);
        l.setLabelFor(editor);
        if (help != null) {
            Tooltip.install(l, new Tooltip(help));
        }
        addRow(rows++, l, editor);
        return this;
    }

    public static Spinner<Integer> integer(String id, int min, int max, ObjectProperty<Integer> value) {
        Spinner<Integer> s = new Spinner<>();
        SpinnerValueFactory.IntegerSpinnerValueFactory f = new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max);
        f.valueProperty().bindBidirectional(value);
        s.setValueFactory(f);
        s.setEditable(true);
        s.setId(id);
        s.setPrefWidth(110);
        return s;
    }

    public static Spinner<Double> decimal(String id, double min, double max, double step, ObjectProperty<Double> value) {
        Spinner<Double> s = new Spinner<>();
        SpinnerValueFactory.DoubleSpinnerValueFactory f =
                new SpinnerValueFactory.DoubleSpinnerValueFactory(min, max, value.get(), step);
        f.valueProperty().bindBidirectional(value);
        s.setValueFactory(f);
        s.setEditable(true);
        s.setId(id);
        s.setPrefWidth(110);
        return s;
    }

    public static TextField text(String id, StringProperty value) {
        TextField t = new TextField();
        t.textProperty().bindBidirectional(value);
        t.setId(id);
        t.setPrefWidth(110);
        return t;
    }
}
