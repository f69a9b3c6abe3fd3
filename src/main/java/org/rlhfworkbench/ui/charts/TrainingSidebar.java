package org.rlhfworkbench.ui.charts;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.rlhfworkbench.core.RunRecord;

/**
 * The left side every training tab shares: title, a hint, the screen's own settings, Start /
 * Pause / Resume / Cancel with the status line, anything the screen adds under them, and its runs.
 * Build it with {@link #of}; the screen only supplies its settings.
 */
public final class TrainingSidebar extends ScrollPane {
    private final List<Node> nodes = new ArrayList<>();
    private final TrainingTabModel model;

    private TrainingSidebar(TrainingTabModel model, String title, Label note) {
        this.model = model;
        Label t = new Label(title);
        t.getStyleClass().add("section-title");
        nodes.add(t);
        nodes.add(note);
        setFitToWidth(true);
        setFitToHeight(true);
    }

    /** A sidebar titled {@code title} with the hint {@code note}. */
    public static TrainingSidebar of(TrainingTabModel model, String title, String note) {
        return new TrainingSidebar(model, title, hint(note));
    }

    /** Like {@link #of(TrainingTabModel, String, String)} with a hint that changes (e.g. with a mode). */
    public static TrainingSidebar of(TrainingTabModel model, String title, ObservableValue<String> note) {
        Label l = hint("");
        l.textProperty().bind(note);
        return new TrainingSidebar(model, title, l);
    }

    /** The screen's settings (pickers, forms), disabled while a run is active. */
    public TrainingSidebar settings(Node... settings) {
        for (Node n : settings) {
            n.disableProperty().bind(model.runner().activeProperty());
            nodes.add(n);
        }
        return this;
    }

    /** Nodes shown as they are (labels, a picker bound elsewhere). */
    public TrainingSidebar add(Node... more) {
        nodes.addAll(List.of(more));
        return this;
    }

    /** The run controls, then {@code under} (e.g. PPO's "Save checkpoint now"), then the runs list; finishes. */
    public TrainingSidebar controls(Node... under) {
        return controls(model::resume, under);
    }

    /** Like {@link #controls(Node...)} with the screen's own resume. */
    public TrainingSidebar controls(Consumer<RunRecord> resume, Node... under) {
        nodes.add(new TrainControls(model.runner(), model::start));
        nodes.addAll(List.of(under));
        RunsPane runs = new RunsPane(model.runner(), resume);
        VBox.setVgrow(runs, Priority.ALWAYS);
        nodes.add(runs);
        VBox side = new VBox(8, nodes.toArray(Node[]::new));
        side.getStyleClass().add("training-sidebar");
        setContent(side);
        return this;
    }

    /** A wrapping hint label. */
    public static Label hint(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.getStyleClass().add("hint");
        return l;
    }

    /** Adds the training stylesheet and {@code extra} ones to {@code view}, with the style classes of a training tab. */
    public static void style(Region view, String id, String... extra) {
        view.setId(id);
        view.getStyleClass().add("training-view");
        List<String> sheets = new ArrayList<>(List.of(RunDashboard.STYLESHEET));
        sheets.addAll(List.of(extra));
        for (String sheet : sheets) {
            URL css = RunDashboard.class.getResource(sheet);
            if (css != null) {
                view.getStylesheets().add(css.toExternalForm());
            }
        }
    }
}
