package org.rlhfworkbench.ui.charts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;

/**
 * One line chart of metrics against the step, drawn from the dashboard model's lines, with its
 * own legend and a crosshair whose label gives the exact values nearest the mouse.
 */
final class MetricChart extends VBox {
    static final String[] PALETTE = {"#1f77b4", "#2ca02c", "#9467bd", "#17becf", "#bcbd22"};
    static final String[] OVERLAY = {"#ff7f0e", "#d62728", "#e377c2", "#8c564b", "#7f7f7f"};
    /** Lines with at most this many points get a dot at each point (a single evaluation is otherwise invisible). */
    static final int MARKERS_UP_TO = 60;

    private final ChartSpec spec;
    private final DashboardModel model;
    private final NumberAxis xAxis = new NumberAxis();
    private final LineChart<Number, Number> chart;
    private final Map<String, XYChart.Series<Number, Number>> series = new LinkedHashMap<>();
    private final FlowPane legend = new FlowPane(12, 2);
    private final Line cursor = new Line();
    private final Label hover = new Label();
    private final Pane crosshair = new Pane(cursor, hover);

    MetricChart(ChartSpec spec, DashboardModel model) {
        this.spec = spec;
        this.model = model;
        NumberAxis yAxis = new NumberAxis();
        xAxis.setLabel("step");
        xAxis.setForceZeroInRange(false);
        yAxis.setForceZeroInRange(false);
        chart = new LineChart<>(xAxis, yAxis);
        chart.setTitle(spec.title());
        chart.setId("chart-" + spec.title().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(false);
        chart.getStyleClass().add("metric-chart");
        crosshair.setMouseTransparent(true);
        cursor.getStyleClass().add("chart-cursor");
        hover.getStyleClass().add("chart-hover");
        hover.setId(chart.getId() + "-hover");
        showCrosshair(false);
        chart.addEventHandler(MouseEvent.MOUSE_MOVED, this::hoverAt);
        chart.addEventHandler(MouseEvent.MOUSE_EXITED, e -> showCrosshair(false));
        legend.getStyleClass().add("chart-legend-row");
        StackPane stack = new StackPane(chart, crosshair);
        VBox.setVgrow(stack, Priority.ALWAYS);
        getChildren().addAll(stack, legend);
        getStyleClass().add("metric-chart-box");
    }

    LineChart<Number, Number> chart() {
        return chart;
    }

    /** Replaces the drawn points with the model's current lines. */
    void redraw() {
        List<PlotLine> lines = model.lines(spec);
        List<String> keys = lines.stream().map(PlotLine::key).toList();
        if (!keys.equals(new ArrayList<>(series.keySet()))) {
            series.clear();
            for (PlotLine l : lines) {
                XYChart.Series<Number, Number> s = new XYChart.Series<>();
                s.setName(l.label());
                series.put(l.key(), s);
            }
            chart.getData().setAll(series.values());
            legend.getChildren().setAll(lines.stream().filter(l -> l.style() != PlotLine.Style.FAINT)
                    .map(MetricChart::legendItem).toList());
        }
        for (PlotLine l : lines) {
            XYChart.Series<Number, Number> s = series.get(l.key());
            List<XYChart.Data<Number, Number>> points = new ArrayList<>(l.x().length);
            boolean markers = l.x().length <= MARKERS_UP_TO && l.style() != PlotLine.Style.FAINT;
            for (int i = 0; i < l.x().length; i++) {
                XYChart.Data<Number, Number> d = new XYChart.Data<>(l.x()[i], l.y()[i]);
                if (markers) {
                    d.setNode(marker(l));
                }
                points.add(d);
            }
            s.getData().setAll(points);
            if (s.getNode() != null) {
                s.getNode().setStyle(style(l));
            }
        }
    }

    static String style(PlotLine l) {
        String colour = colour(l);
        return switch (l.style()) {
            case SOLID -> "-fx-stroke: " + colour + "; -fx-stroke-width: 2px;";
            case FAINT -> "-fx-stroke: " + colour + "; -fx-stroke-width: 1px; -fx-opacity: 0.3;";
            case DASHED -> "-fx-stroke: " + colour + "; -fx-stroke-width: 2px; -fx-stroke-dash-array: 8 5;";
        };
    }

    private static Node marker(PlotLine l) {
        Circle dot = new Circle(2.5);
        dot.setStyle("-fx-fill: " + colour(l) + ";");
        dot.setMouseTransparent(true);
        return dot;
    }

    private static String colour(PlotLine l) {
        return (l.style() == PlotLine.Style.DASHED ? OVERLAY : PALETTE)[l.colour() % PALETTE.length];
    }

    private static Node legendItem(PlotLine l) {
        Line sample = new Line(0, 0, 22, 0);
        sample.setStyle(style(l));
        Label label = new Label(l.label(), sample);
        label.getStyleClass().add("chart-legend-entry");
        return label;
    }

    private void hoverAt(MouseEvent e) {
        Node plot = chart.lookup(".chart-plot-background");
        if (plot == null) {
            return;
        }
        Bounds area = plot.localToScene(plot.getBoundsInLocal());
        if (!area.contains(e.getSceneX(), e.getSceneY())) {
            showCrosshair(false);
            return;
        }
        double step = xAxis.getValueForDisplay(xAxis.sceneToLocal(e.getSceneX(), e.getSceneY()).getX()).doubleValue();
        String text = model.hover(spec, step);
        if (text.isEmpty()) {
            showCrosshair(false);
            return;
        }
        Bounds local = crosshair.sceneToLocal(area);
        Point2D at = crosshair.sceneToLocal(e.getSceneX(), e.getSceneY());
        cursor.setStartX(at.getX());
        cursor.setEndX(at.getX());
        cursor.setStartY(local.getMinY());
        cursor.setEndY(local.getMaxY());
        hover.setText(text);
        hover.applyCss();
        double w = hover.prefWidth(-1);
        hover.relocate(at.getX() + 12 + w > local.getMaxX() ? at.getX() - 12 - w : at.getX() + 12, local.getMinY() + 4);
        showCrosshair(true);
    }

    private void showCrosshair(boolean on) {
        cursor.setVisible(on);
        hover.setVisible(on);
    }
}
