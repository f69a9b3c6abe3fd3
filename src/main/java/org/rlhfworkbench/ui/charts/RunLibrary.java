package org.rlhfworkbench.ui.charts;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.rlhfworkbench.core.MetricPoint;
import org.rlhfworkbench.core.ModelEntry;
import org.rlhfworkbench.core.RunRecord;
import org.rlhfworkbench.jobs.BackgroundExecutor;
import org.rlhfworkbench.jobs.ProjectChange;
import org.rlhfworkbench.jobs.ProjectService;
import org.rlhfworkbench.jobs.run.RunController;

/**
 * The recorded side of a training screen: the project's runs of one kind ("a|b": of either) and its models, charts
 * of recorded runs reopened or overlaid, CSV / PNG export, and the screen's status line. All
 * reads and writes run on the background executor; results come back on the UI thread.
 */
public final class RunLibrary {
    private final BackgroundExecutor executor;
    private final RunController controller;
    private final DashboardModel dashboard;
    private final ObservableList<RunRecord> runs = FXCollections.observableArrayList();
    private final ObservableList<ModelEntry> models = FXCollections.observableArrayList();
    private final StringProperty statusLine = new SimpleStringProperty(this, "statusLine", "");
    private final BooleanProperty error = new SimpleBooleanProperty(this, "error");

    RunLibrary(BackgroundExecutor executor, ProjectService projects, RunController controller, DashboardModel dashboard) {
        this.executor = executor;
        this.controller = controller;
        this.dashboard = dashboard;
        projects.addListener(change -> {
            if (change == ProjectChange.RUNS || change == ProjectChange.MODELS) {
                refresh();  // models trained or added in another tab reach this screen's pickers
            }
        });
    }

    private java.util.Map<Long, Long> checkpoints = java.util.Map.of();

    /** Reads the runs of this screen's kinds (newest first) and all models of the open project again. */
    public void refresh() {
        executor.submit("Reading runs", controller::read, lists -> {
            checkpoints = lists.checkpoints();
            runs.setAll(lists.runs());
            models.setAll(lists.models());
        }, e -> status("Cannot read the runs: " + message(e), true));
    }

    /** Shows a recorded run's charts (replacing the shown run). */
    public void show(RunRecord run) {
        load(run, points -> dashboard.show(label(run), points));
    }

    /** Draws a recorded run dashed over the shown one. */
    public void overlay(RunRecord run) {
        load(run, points -> dashboard.overlay(label(run), points));
    }

    private void load(RunRecord run, Consumer<List<MetricPoint>> then) {
        executor.submit("Reading the metrics of run " + run.id(), () -> controller.metrics(run.id()),
                then, e -> status("Cannot read run " + run.id() + ": " + message(e), true));
    }

    /** Writes the shown run's raw points as step,name,value. */
    public void exportCsv(Path file) {
        List<MetricPoint> points = dashboard.points();
        executor.submit("Writing " + file, () -> {
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                MetricCsv.write(w, points);
            }
            return points.size();
        }, n -> status("Saved " + n + " metric points to " + file, false),
                e -> status("Cannot write " + file + ": " + message(e), true));
    }

    /** Encodes ARGB pixels (read from a snapshot on the UI thread) as PNG and writes them. */
    public void exportPng(Path file, int width, int height, int[] argb) {
        executor.submit("Writing " + file, () -> {
            Files.write(file, PngEncoder.encode(width, height, argb));
            return file;
        }, f -> status("Saved the charts to " + f, false), e -> status("Cannot write " + file + ": " + message(e), true));
    }

    void status(String text, boolean isError) {
        statusLine.set(text);
        error.set(isError);
    }

    static String label(RunRecord run) {
        return "run " + run.id();
    }

    /** The first message along the cause chain. */
    static String message(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return e.toString();
    }

    /** The step an unfinished run's checkpoint continues from, or null when it saved none (a resume restarts at 0). */
    public Long checkpointStep(long runId) {
        return checkpoints.get(runId);
    }

    /** "Resume from step 120", or "Restart (no checkpoint)" when the run saved none. */
    public String resumeLabel(RunRecord run) {
        Long step = run == null ? null : checkpointStep(run.id());
        return step == null ? "Restart (no checkpoint)" : "Resume from step " + step;
    }

    public ObservableList<RunRecord> runs() {
        return runs;
    }

    public ObservableList<ModelEntry> models() {
        return models;
    }

    public StringProperty statusLineProperty() {
        return statusLine;
    }

    public BooleanProperty errorProperty() {
        return error;
    }
}
