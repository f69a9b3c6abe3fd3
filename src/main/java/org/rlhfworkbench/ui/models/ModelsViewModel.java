package org.rlhfworkbench.ui.models;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.rlhfworkbench.core.ModelKind;
import org.rlhfworkbench.jobs.BackgroundExecutor;
import org.rlhfworkbench.jobs.ModelService;
import org.rlhfworkbench.jobs.ProjectService;

/**
 * The Models screen's state: the project's models as table rows, and the commands add (copy or
 * link a Hugging Face folder, checked first), rename, delete and export, each on the background
 * executor. Copy progress arrives through {@link #drain()} (call it on each pulse). Holds no nodes.
 */
public final class ModelsViewModel {
    private final BackgroundExecutor executor;
    private final ModelService service;
    private final ObservableList<ModelRowView> rows = FXCollections.observableArrayList();
    private final ObjectProperty<ModelKind> addKind = new SimpleObjectProperty<>(this, "addKind", ModelKind.BASE);
    private final BooleanProperty link = new SimpleBooleanProperty(this, "link", true);
    private final StringProperty statusLine = new SimpleStringProperty(this, "statusLine", "");
    private final BooleanProperty error = new SimpleBooleanProperty(this, "error");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private volatile double copied;

    public ModelsViewModel(BackgroundExecutor executor, ProjectService projects) {
        this.executor = executor;
        this.service = new ModelService(projects);
        projects.addListener(change -> refresh());
    }

    /** Reads the models again (the change feed calls it after every change). */
    public void refresh() {
        executor.submit("Reading the models", () -> service.list().stream().map(ModelRowView::of).toList(),
                rows::setAll, e -> status("Cannot read the models: " + message(e), true));
    }

    /** Checks {@code folder} like import-model and adds it as {@link #addKindProperty()}, linked or copied. */
    public void add(Path folder) {
        boolean linkIt = link.get();
        ModelKind kind = addKind.get();
        copied = 0;
        progress.set(0);
        run((linkIt ? "Checking and linking " : "Checking and copying ") + folder, () ->
                service.add(folder, kind, null, linkIt, f -> copied = f), r -> status("Added model " + r.id()
                + " (" + r.kind().dbName() + ", " + r.name() + ") as " + r.path(), false));
    }

    public void rename(long id, String name) {
        run("Renaming model " + id, () -> {
            service.rename(id, name);
            return name;
        }, n -> status("Model " + id + " is now " + n, false));
    }

    public void delete(long id) {
        run("Deleting model " + id, () -> {
            service.delete(id);
            return id;
        }, n -> status("Deleted model " + id, false));
    }

    public void export(long id, Path target) {
        copied = 0;
        progress.set(0);
        run("Exporting model " + id + " to " + target, () -> service.export(id, target, f -> copied = f),
                to -> status("Exported model " + id + " as a Hugging Face folder: " + to, false));
    }

    /** Moves the copy progress of the running command into {@link #progressProperty()}; call on each pulse. */
    public void drain() {
        if (busy.get()) {
            progress.set(copied);
        }
    }

    private <T> void run(String action, Callable<T> work, Consumer<T> done) {
        busy.set(true);
        status(action + "…", false);
        executor.submit(action, work, result -> {
            busy.set(false);
            progress.set(1);
            done.accept(result);
        }, e -> {
            busy.set(false);
            progress.set(0);
            status(message(e), true);
        });
    }

    private void status(String text, boolean isError) {
        statusLine.set(text);
        error.set(isError);
    }

    static String message(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return e.toString();
    }

    public ObservableList<ModelRowView> rows() {
        return rows;
    }

    public List<ModelKind> kinds() {
        return ModelService.kinds();
    }

    public ObjectProperty<ModelKind> addKindProperty() {
        return addKind;
    }

    /** True: link the folder in place (nothing copied); false: copy it into the project. */
    public BooleanProperty linkProperty() {
        return link;
    }

    public StringProperty statusLineProperty() {
        return statusLine;
    }

    public BooleanProperty errorProperty() {
        return error;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** Fraction copied by the running add or export, 0..1. */
    public DoubleProperty progressProperty() {
        return progress;
    }
}
