package org.rlhfworkbench.ui.reward;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.rlhfworkbench.jobs.reward.RewardInspection;

/** Pairwise accuracy overall, by K, by ranking position and by rank gap. */
final class AccuracyTable extends TableView<RewardInspection.Accuracy> {

    AccuracyTable(InspectionViewModel viewModel) {
        super(viewModel.accuracy());
        setId("accuracyTable");
        setPlaceholder(new Label("No held-out pairs yet"));
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        getColumns().add(column("Group", RewardInspection.Accuracy::group, 150));
        getColumns().add(column("Pairs", a -> Integer.toString(a.pairs()), 50));
        getColumns().add(column("Accuracy", a -> Double.isNaN(a.value()) ? "–"
                : String.format(Locale.ROOT, "%.3f", a.value()), 70));
    }

    private static TableColumn<RewardInspection.Accuracy, String> column(
            String title, Function<RewardInspection.Accuracy, String> value, double width) {
        TableColumn<RewardInspection.Accuracy, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        c.setSortable(false);
        c.setPrefWidth(width);
        return c;
    }
}
