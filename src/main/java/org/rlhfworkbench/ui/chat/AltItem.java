package org.rlhfworkbench.ui.chat;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One answer in the ranking panel: the turn it became (once stored), its text, the rank given (null: none). */
public final class AltItem {
    private final int number;
    private Long turnId;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObjectProperty<Integer> rank = new SimpleObjectProperty<>(this, "rank");

    AltItem(int number, Long turnId, String text) {
        this.number = number;
        this.turnId = turnId;
        this.text.set(text);
    }

    /** 1-based, the key that ranks it. */
    public int number() {
        return number;
    }

    public Long turnId() {
        return turnId;
    }

    void turnId(Long id) {
        turnId = id;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObjectProperty<Integer> rankProperty() {
        return rank;
    }
}
