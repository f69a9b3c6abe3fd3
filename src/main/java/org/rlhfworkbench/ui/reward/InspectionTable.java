package org.rlhfworkbench.ui.reward;

import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.beans.property.SimpleStringProperty;
import org.rlhfworkbench.jobs.reward.RewardInspection;

/**
 * Held-out prompts with their responses: human rank, RM score and RM rank side by side; rows
 * where the reward model contradicts the human order are highlighted.
 */
final class InspectionTable extends TreeTableView<InspectionRow> {
    private static final PseudoClass CONTRADICTED = PseudoClass.getPseudoClass("contradicted");
    private static final PseudoClass PROMPT = PseudoClass.getPseudoClass("prompt-row");

    InspectionTable(InspectionViewModel viewModel) {
        setId("inspectionTable");
        getStyleClass().add("inspection-table");
        setShowRoot(false);
        setRoot(new TreeItem<>());
        setPlaceholder(new Label("Inspect a reward model to see its scores on the held-out rankings"));
        setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        getColumns().add(column("Prompt / response", InspectionRow::text, 420));
        getColumns().add(column("Human rank", InspectionRow::rank, 90));
        getColumns().add(column("RM score", InspectionRow::score, 90));
        getColumns().add(column("RM rank", InspectionRow::rmRank, 70));
        getColumns().add(column("Pairs right", InspectionRow::pairs, 80));
        setRowFactory(t -> new TreeTableRow<>() {
            @Override
            protected void updateItem(InspectionRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(CONTRADICTED, !empty && row != null && row.contradicted() && !row.promptRow());
                pseudoClassStateChanged(PROMPT, !empty && row != null && row.promptRow());
            }
        });
        viewModel.prompts().addListener((ListChangeListener.Change<? extends RewardInspection.PromptResult> c) ->
                fill(viewModel));
    }

    private void fill(InspectionViewModel viewModel) {
        getRoot().getChildren().setAll(viewModel.prompts().stream().map(p -> {
            TreeItem<InspectionRow> item = new TreeItem<>(InspectionRow.of(p));
            p.responses().forEach(r -> item.getChildren().add(new TreeItem<>(InspectionRow.of(p.promptId(), r))));
            item.setExpanded(p.correct() < p.pairs());
            return item;
        }).toList());
    }

    private static TreeTableColumn<InspectionRow, String> column(String title, Function<InspectionRow, String> value,
                                                                 double width) {
        TreeTableColumn<InspectionRow, String> c = new TreeTableColumn<>(title);
        c.setCellValueFactory(cell -> new SimpleStringProperty(cell.getValue().getValue() == null ? ""
                : value.apply(cell.getValue().getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
