package org.rlhfworkbench.ui.evaluate;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.rlhfworkbench.core.ModelEntry;

/** A project model the arena may include, with its check box state. */
public final class ModelOption {
    private final ModelEntry model;
    private final BooleanProperty selected = new SimpleBooleanProperty(this, "selected");

    ModelOption(ModelEntry model, boolean selected) {
        this.model = model;
        this.selected.set(selected);
    }

    public ModelEntry model() {
        return model;
    }

    public BooleanProperty selectedProperty() {
        return selected;
    }

    @Override
    public String toString() {
        return "#" + model.id() + "  " + model.name() + "  (" + model.kind().dbName() + ")";
    }
}
