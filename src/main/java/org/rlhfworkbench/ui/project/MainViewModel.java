package org.rlhfworkbench.ui.project;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.rlhfworkbench.jobs.BackgroundExecutor;
import org.rlhfworkbench.jobs.ProjectChange;
import org.rlhfworkbench.jobs.ProjectService;
import org.rlhfworkbench.jobs.ProjectSummary;

/**
 * State of the main window: the open project, its counts and first prompts, and what the
 * workbench is doing. Commands run on the {@link BackgroundExecutor}; their results and errors
 * come back on the UI thread. Holds no nodes.
 */
public final class MainViewModel {
    static final String APP_TITLE = "RLHF Workbench";

    private final BackgroundExecutor executor;
    private final ProjectService service;
    private final StringProperty projectName = new SimpleStringProperty(this, "projectName", "");
    private final StringProperty projectPath = new SimpleStringProperty(this, "projectPath", "");
    private final StringProperty statusMessage = new SimpleStringProperty(this, "statusMessage", "");
    private final StringProperty device = new SimpleStringProperty(this, "device", "");
    private final StringProperty lastError = new SimpleStringProperty(this, "lastError");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final Map<ProjectCount, LongProperty> counts = new EnumMap<>(ProjectCount.class);
    private final ObservableList<String> prompts = FXCollections.observableArrayList();
    private final ObservableList<String> promptsView = FXCollections.unmodifiableObservableList(prompts);
    private final StringBinding title = Bindings.createStringBinding(
            () -> projectName.get().isEmpty() ? APP_TITLE : APP_TITLE + " — " + projectName.get(), projectName);
    private int pending;
    private org.rlhfworkbench.ui.data.DataViewModel data;
    private final PromptBrowserViewModel browser;

    public MainViewModel(BackgroundExecutor executor, ProjectService service) {
        this.executor = executor;
        this.service = service;
        this.browser = new PromptBrowserViewModel(executor, service);
        for (ProjectCount count : ProjectCount.values()) {
            counts.put(count, new SimpleLongProperty(this, count.key()));
        }
        service.addListener(change -> {
            if (change != ProjectChange.OPENED) {
                refreshQuietly();
            }
        });
    }

    /** Reads the counts and prompts again after a change elsewhere (labels, imports, models, runs); no status line. */
    private void refreshQuietly() {
        executor.submit("Reading project counts", service::refresh, this::show, error -> { });
    }

    /** Opens the project asked for on the command line, else the last one, else the sample. */
    public void openAtStart(Optional<Path> requested) {
        run("Opening project", () -> service.openAtStart(requested), "Opened");
    }

    public void open(Path dir) {
        run("Opening " + dir, () -> service.open(dir), "Opened");
    }

    public void create(Path dir) {
        run("Creating project in " + dir, () -> service.create(dir), "Created");
    }

    public void refresh() {
        run("Reading project", service::refresh, "Refreshed");
    }

    private void run(String action, Callable<ProjectSummary> work, String doneVerb) {
        lastError.set(null);
        statusMessage.set(action + "…");
        setPending(pending + 1);
        executor.submit(action, work, summary -> {
            setPending(pending - 1);
            show(summary);
            statusMessage.set(doneVerb + " " + summary.name() + ": " + summary.counts().prompts() + " prompts");
        }, error -> {
            setPending(pending - 1);
            String message = error.getMessage() == null ? error.toString() : error.getMessage();
            statusMessage.set(action + " failed: " + message);
            lastError.set(message);
        });
    }

    /** The import and export dialogs' state for the open project (made on first use). */
    public org.rlhfworkbench.ui.data.DataViewModel data() {
        if (data == null) {
            data = new org.rlhfworkbench.ui.data.DataViewModel(executor, service);
        }
        return data;
    }

    /** The sidebar's prompt browser (search, status filter, open in the Label tab). */
    public PromptBrowserViewModel browser() {
        return browser;
    }

    /** A fresh new-project guide; the project it makes is opened here. */
    public NewProjectGuideViewModel newProjectGuide() {
        NewProjectGuideViewModel guide = new NewProjectGuideViewModel(executor, service);
        guide.setOnCreated(this::open);
        return guide;
    }

    /** Asks {@code probe} (on the background worker: it may load the native engine) which device computes. */
    public void detectDevice(Callable<String> probe) {
        executor.submit("Detecting the compute device", probe, name -> device.set("Device: " + name),
                error -> device.set("Device: unknown (" + error.getMessage() + ")"));
    }

    /** "Device: CPU" or "Device: GPU 0 (CUDA, ...)" once detected, empty before. */
    public ReadOnlyStringProperty deviceProperty() {
        return device;
    }

    private void setPending(int value) {
        pending = value;
        busy.set(value > 0);
    }

    private void show(ProjectSummary summary) {
        projectName.set(summary.name());
        projectPath.set(summary.dir().toString());
        counts.forEach((count, property) -> property.set(count.of(summary.counts())));
        prompts.setAll(summary.firstPrompts());
    }

    public ReadOnlyStringProperty projectNameProperty() {
        return projectName;
    }

    public ReadOnlyStringProperty projectPathProperty() {
        return projectPath;
    }

    public ReadOnlyStringProperty statusMessageProperty() {
        return statusMessage;
    }

    /** The message of the last failed command, null after a command starts; the view shows it in a dialog. */
    public ReadOnlyStringProperty lastErrorProperty() {
        return lastError;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyLongProperty countProperty(ProjectCount count) {
        return counts.get(count);
    }

    /** The first prompts of the project, one line each. */
    public ObservableList<String> prompts() {
        return promptsView;
    }

    /** "RLHF Workbench — project name", or just the app name while nothing is open. */
    public StringBinding titleBinding() {
        return title;
    }
}
