package org.rlhfworkbench.ui.evaluate;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.rlhfworkbench.jobs.eval.Interval;

/** Read-only text tables for the results view. */
final class Tables {
    private Tables() {
    }

    @SafeVarargs
    static <T> TableView<T> of(String id, double height, TableColumn<T, String>... columns) {
        TableView<T> t = new TableView<>();
        t.setId(id);
        t.getColumns().addAll(columns);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPrefHeight(height);
        t.setMinHeight(height);
        t.setPlaceholder(new javafx.scene.control.Label("No votes yet"));
        return t;
    }

    static <T> TableColumn<T, String> col(String title, double width, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    static <T> void fill(TableView<T> table, List<T> rows) {
        table.setItems(FXCollections.observableArrayList(rows));
    }

    static String pct(double p) {
        return Double.isNaN(p) ? "–" : String.format(Locale.ROOT, "%.0f%%", 100 * p);
    }

    static String pctInterval(Interval i) {
        return Double.isNaN(i.lo()) ? "–" : String.format(Locale.ROOT, "%.0f–%.0f%%", 100 * i.lo(), 100 * i.hi());
    }

    static String oneLine(String s, int max) {
        String line = s == null ? "" : s.strip().replaceAll("\\s+", " ");
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }
}
