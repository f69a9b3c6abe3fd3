package org.rlhfworkbench.ui.label;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.rlhfworkbench.jobs.label.HistoryEntry;

/** The last decisions, newest first, optionally without the simulated annotator's rows. */
public final class HistoryModel {
    private final ObservableList<HistoryEntry> entries = FXCollections.observableArrayList();
    private final FilteredList<HistoryEntry> shown = new FilteredList<>(entries);
    private final BooleanProperty hideSimulated = new SimpleBooleanProperty(this, "hideSimulated");

    HistoryModel() {
        hideSimulated.addListener((obs, old, hide) -> shown.setPredicate(hide ? entry -> !entry.simulated() : null));
    }

    void setAll(List<HistoryEntry> latest) {
        entries.setAll(latest);
    }

    /** What the panel lists: all entries, or only the human ones while {@link #hideSimulatedProperty()} is set. */
    public ObservableList<HistoryEntry> shown() {
        return shown;
    }

    public BooleanProperty hideSimulatedProperty() {
        return hideSimulated;
    }
}
