package org.rlhfworkbench.ui.dpo;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The online loop's rounds: mean RM score of the samples, chosen-rejected margin, KL to SFT, pairs. */
final class IterationTable extends VBox {
    IterationTable(ObservableList<IterationRow> rows) {
        super(6);
        Label title = new Label("Online rounds");
        title.getStyleClass().add("section-title");
        Label hint = new Label("Each round's samples, scores and pairs are stored in the project: open one in the"
                + " labeling view with project setting label_source = online-dpo:RUN:ROUND.");
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        TableView<IterationRow> table = new TableView<>(rows);
        table.setId("dpoRoundTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("Online DPO runs show one row per round here."));
        table.getColumns().add(column("Round", r -> Integer.toString(r.iteration())));
        table.getColumns().add(column("Pairs", r -> Integer.toString(r.pairs())));
        table.getColumns().add(column("Mean RM score", r -> fmt(r.meanScore())));
        table.getColumns().add(column("Pair margin", r -> fmt(r.pairMargin())));
        table.getColumns().add(column("KL to SFT", r -> fmt(r.klToSft())));
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(title, hint, table);
    }

    private static TableColumn<IterationRow, String> column(String name, Function<IterationRow, String> cell) {
        TableColumn<IterationRow, String> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(cell.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.3f", v);
    }
}
