package org.rlhfworkbench.ui.evaluate;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.rlhfworkbench.jobs.eval.Side;

/** An optional per-criterion verdict on the shown pair (null: no verdict). */
public final class CriterionVote {
    private final String name;
    private final ObjectProperty<Side> side = new SimpleObjectProperty<>(this, "side");

    CriterionVote(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public ObjectProperty<Side> sideProperty() {
        return side;
    }

    /** none → left → right → tie → none: what the criterion's key does. */
    void cycle() {
        Side s = side.get();
        side.set(s == null ? Side.LEFT : s == Side.LEFT ? Side.RIGHT : s == Side.RIGHT ? Side.TIE : null);
    }
}
