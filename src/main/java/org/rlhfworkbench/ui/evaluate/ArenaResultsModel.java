package org.rlhfworkbench.ui.evaluate;

import java.nio.file.Path;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.rlhfworkbench.jobs.BackgroundExecutor;
import org.rlhfworkbench.jobs.eval.ArenaBackend;
import org.rlhfworkbench.jobs.eval.ArenaResults;

/**
 * The results view's state: every vote of the project with names revealed, refreshed in the
 * background after each vote (one refresh at a time; a request during one runs once after it),
 * export to CSV / JSONL and the opt-in conversion to preference pairs. No nodes.
 */
public final class ArenaResultsModel {
    private final BackgroundExecutor executor;
    private final ArenaBackend backend;
    private final ObjectProperty<ArenaResults> results = new SimpleObjectProperty<>(this, "results", ArenaResults.empty());
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private boolean pending;
    private boolean dirty;

    ArenaResultsModel(BackgroundExecutor executor, ArenaBackend backend) {
        this.executor = executor;
        this.backend = backend;
    }

    public void refresh() {
        if (pending) {
            dirty = true;
            return;
        }
        pending = true;
        executor.submit("arena results", backend::results, r -> {
            results.set(r);
            done();
        }, e -> {
            message.set("Results failed: " + e.getMessage());
            done();
        });
    }

    private void done() {
        pending = false;
        if (dirty) {
            dirty = false;
            refresh();
        }
    }

    /** Writes every vote to {@code file}: CSV when it ends in .csv, else JSONL. */
    public void export(Path file) {
        executor.submit("export arena votes", () -> backend.export(file),
                n -> message.set(n + " votes written to " + file), e -> message.set("Export failed: " + e.getMessage()));
    }

    /** Opt-in: decisive votes become two-answer rankings for the reward model, marked as from the arena. */
    public void toPreferences() {
        executor.submit("arena votes to preferences", backend::toPreferences, n -> message.set(n
                + " decisive votes turned into preference pairs (rankings noted 'from arena comparison N')"),
                e -> message.set("Conversion failed: " + e.getMessage()));
    }

    void close() {
        executor.submit("close arena judges", () -> {
            backend.close();
            return null;
        }, x -> { }, e -> { });
    }

    public ObjectProperty<ArenaResults> resultsProperty() {
        return results;
    }

    public StringProperty messageProperty() {
        return message;
    }
}
