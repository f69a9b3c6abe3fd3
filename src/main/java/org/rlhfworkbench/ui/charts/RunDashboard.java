package org.rlhfworkbench.ui.charts;

import java.io.File;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * A run's live dashboard: headline tiles, one line chart per {@link ChartSpec}, a smoothing
 * slider, and CSV / PNG export. An AnimationTimer drains the run's event queue on every pulse
 * (while the dashboard is in a scene) and redraws the charts at most {@value #REDRAWS_PER_SECOND}
 * times a second, and only while they are visible.
 */
public final class RunDashboard extends BorderPane {
    public static final String STYLESHEET = "/org/rlhfworkbench/ui/training.css";
    static final int REDRAWS_PER_SECOND = 5;

    private final TrainingRunner runner;
    private final DashboardModel model;
    private final List<MetricChart> charts;
    private final VBox chartBox = new VBox(4);
    private long drawn = -1;
    private long lastDraw;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            runner.drain();
            if (model.revision() != drawn && now - lastDraw >= 1_000_000_000L / REDRAWS_PER_SECOND && treeVisible()) {
                lastDraw = now;
                redraw();
            }
        }
    };

    public RunDashboard(TrainingRunner runner) {
        this(runner, null);
    }

    /**
     * @param tiles the screen's own headline tiles (e.g. PPO's score, KL and beta), or null for the
     *              usual loss / eval / tokens/s / ETA
     */
    public RunDashboard(TrainingRunner runner, Node tiles) {
        this.runner = runner;
        this.model = runner.dashboard();
        getStyleClass().add("run-dashboard");
        URL css = RunDashboard.class.getResource(STYLESHEET);
        if (css != null) {
            getStylesheets().add(css.toExternalForm());
        }
        charts = model.spec().charts().stream().map(c -> new MetricChart(c, model)).toList();
        HBox lower = new HBox(4);
        for (int i = 0; i < charts.size(); i++) {
            (i == 0 ? chartBox.getChildren() : lower.getChildren()).add(charts.get(i));
            HBox.setHgrow(charts.get(i), Priority.ALWAYS);
            charts.get(i).setMinWidth(0);  // the small charts share what width there is; none runs past the window
        }
        VBox.setVgrow(charts.get(0), Priority.ALWAYS);
        if (!lower.getChildren().isEmpty()) {
            chartBox.getChildren().add(lower);
            VBox.setVgrow(lower, Priority.ALWAYS);
        }
        setTop(new VBox(6, toolbar(), tiles == null ? new HeadlineTiles(model) : tiles));
        setMinWidth(0);
        chartBox.setMinWidth(0);
        setCenter(chartBox);
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                timer.stop();
            } else {
                timer.start();
            }
        });
    }

    /**
     * Lets each region shrink below its content's natural width, so a training tab fits a narrow
     * window (text wraps, charts narrow) instead of running past its right edge.
     */
    public static void shrinkable(javafx.scene.layout.Region... regions) {
        for (javafx.scene.layout.Region r : regions) {
            r.setMinWidth(0);
        }
    }

    private Node toolbar() {
        Label title = new Label();
        title.setId("dashboardTitle");
        title.getStyleClass().add("dashboard-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> model.overlayTitleProperty().get().isEmpty()
                        ? model.titleProperty().get()
                        : model.titleProperty().get() + "   vs   " + model.overlayTitleProperty().get() + " (dashed)",
                model.titleProperty(), model.overlayTitleProperty()));
        Slider smoothing = new Slider(0, 0.99, model.smoothingProperty().get());
        smoothing.setId("smoothingSlider");
        smoothing.valueProperty().bindBidirectional(model.smoothingProperty());
        Label smoothingValue = new Label();
        smoothingValue.textProperty().bind(Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, "%.2f", model.smoothingProperty().get()), model.smoothingProperty()));
        Button clear = new Button("Clear overlay");
        clear.setId("clearOverlay");
        clear.disableProperty().bind(model.overlayTitleProperty().isEmpty());
        clear.setOnAction(e -> model.clearOverlay());
        MenuItem csv = new MenuItem("Metrics as CSV…");
        csv.setId("exportCsv");
        csv.setOnAction(e -> choose("CSV", "*.csv", ".csv").ifPresent(this::exportCsv));
        MenuItem png = new MenuItem("Charts as PNG…");
        png.setId("exportPng");
        png.setOnAction(e -> choose("PNG image", "*.png", ".png").ifPresent(this::exportPng));
        MenuButton export = new MenuButton("Export", null, csv, png);
        export.setId("exportMenu");
        smoothing.setPrefWidth(100);
        smoothing.setMinWidth(60);
        // the controls keep their full labels; the run's title gives way first (its full text in a tooltip)
        for (javafx.scene.control.Control c : new javafx.scene.control.Control[] {clear, export}) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        Label smoothingLabel = new Label("Smoothing");
        smoothingLabel.setMinWidth(Region.USE_PREF_SIZE);
        smoothingValue.setMinWidth(Region.USE_PREF_SIZE);
        title.setMinWidth(0);
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
        tip.textProperty().bind(title.textProperty());
        title.setTooltip(tip);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, title, spacer, smoothingLabel, smoothing, smoothingValue, clear, export);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.getStyleClass().add("dashboard-toolbar");
        return bar;
    }

    /** Writes the shown run's raw metric points as CSV (step,name,value). */
    public void exportCsv(Path file) {
        runner.library().exportCsv(file);
    }

    /** Writes the charts as they look now as a PNG image. */
    public void exportPng(Path file) {
        redraw();
        Snapshots.Pixels p = Snapshots.of(chartBox);
        runner.library().exportPng(file, p.width(), p.height(), p.argb());
    }

    /** Draws the model's current lines now. */
    public void redraw() {
        drawn = model.revision();
        charts.forEach(MetricChart::redraw);
    }

    private Optional<Path> choose(String what, String pattern, String suffix) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export " + what);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, pattern));
        chooser.setInitialFileName(model.titleProperty().get().replaceAll("[^A-Za-z0-9]+", "-") + "-metrics" + suffix);
        File f = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        return Optional.ofNullable(f).map(File::toPath);
    }

    private boolean treeVisible() {
        for (Parent p = this; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
