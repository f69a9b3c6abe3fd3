package org.rlhfworkbench.ui.reward;

import java.util.List;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import org.rlhfworkbench.jobs.reward.Histogram;

/** Histogram of r_w - r_l over the held-out pairs; bars left of zero (misordered pairs) in red. */
final class MarginHistogram extends BarChart<String, Number> {

    MarginHistogram(InspectionViewModel viewModel) {
        super(new CategoryAxis(), new NumberAxis());
        setId("marginHistogram");
        getStyleClass().add("margin-histogram");
        setTitle("Score differences r_w − r_l");
        setAnimated(false);
        setLegendVisible(false);
        setBarGap(0);
        setCategoryGap(1);
        getXAxis().setLabel("r_w − r_l");
        getYAxis().setLabel("pairs");
        viewModel.histogram().addListener((ListChangeListener.Change<? extends Histogram.Bin> c) -> fill(viewModel));
    }

    private void fill(InspectionViewModel viewModel) {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        for (Histogram.Bin b : viewModel.histogram()) {
            series.getData().add(new XYChart.Data<>(String.format(Locale.ROOT, "%.2f", (b.lo() + b.hi()) / 2), b.count()));
        }
        getData().setAll(List.of(series));
        for (int i = 0; i < series.getData().size(); i++) {
            if (viewModel.histogram().get(i).hi() <= 0 && series.getData().get(i).getNode() != null) {
                series.getData().get(i).getNode().getStyleClass().add("data-negative");
            }
        }
    }
}
