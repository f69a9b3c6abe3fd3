package org.rlhfworkbench.ui.project;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.rlhfworkbench.core.Message;
import org.rlhfworkbench.core.PromptFilter;

/**
 * The prompt browser in the sidebar: a search box, one toggle per status with its count, the
 * matching prompts (status above each), and the chosen prompt's turns. A click or Enter opens
 * the prompt in the Label tab.
 */
final class PromptBrowser extends VBox {
    static final double PREVIEW_HEIGHT = 150;

    PromptBrowser(PromptBrowserViewModel vm, Runnable onEmptyProject) {
        getStyleClass().add("prompt-browser");
        setSpacing(6);
        TextField search = new TextField();
        search.setId("promptSearch");
        search.setPromptText("Search prompts (text contains)");
        search.textProperty().bindBidirectional(vm.searchProperty());

        FlowPane filters = new FlowPane(4, 4);
        filters.setId("promptFilters");
        ToggleGroup group = new ToggleGroup();
        for (PromptFilter f : vm.filters()) {
            ToggleButton b = new ToggleButton();
            b.setId("filter-" + f.name().toLowerCase(Locale.ROOT));
            b.getStyleClass().add("prompt-filter");
            b.textProperty().bind(Bindings.createStringBinding(() -> f.label() + " " + vm.countProperty(f).get(),
                    vm.countProperty(f)));
            b.setToggleGroup(group);
            b.setSelected(vm.filterProperty().get() == f);
            b.setOnAction(e -> {
                b.setSelected(true);  // one filter is always chosen
                vm.filterProperty().set(f);
            });
            filters.getChildren().add(b);
        }

        ListView<PromptRow> list = new ListView<>(vm.rows());
        list.setId("promptList");
        list.setCellFactory(l -> new RowCell());
        Button newProject = new Button("New project guide…");
        newProject.setId("emptyNewProject");
        newProject.setOnAction(e -> onEmptyProject.run());
        Label none = new Label();
        none.setWrapText(true);
        none.textProperty().bind(Bindings.createStringBinding(() -> vm.loadingProperty().get() ? "Reading the prompts…"
                : vm.countProperty(PromptFilter.ALL).get() == 0 && vm.searchProperty().get().isBlank()
                ? "No prompts yet. Import some (File > Import data…) or start a project with the guide."
                : "No prompts match.", vm.loadingProperty(), vm.countProperty(PromptFilter.ALL), vm.searchProperty()));
        newProject.visibleProperty().bind(vm.countProperty(PromptFilter.ALL).isEqualTo(0).and(vm.searchProperty().isEmpty())
                .and(vm.loadingProperty().not()));
        list.setPlaceholder(new VBox(8, none, newProject));
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && list.getSelectionModel().getSelectedItem() != null
                    && e.getTarget() instanceof javafx.scene.Node n && insideCell(n)) {
                vm.open(list.getSelectionModel().getSelectedItem());
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                vm.open(list.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> vm.select(row));
        VBox.setVgrow(list, Priority.ALWAYS);

        Label status = new Label();
        status.setId("promptBrowserStatus");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusLineProperty());
        status.visibleProperty().bind(vm.statusLineProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());

        VBox turns = new VBox(3);
        turns.setId("promptPreview");
        vm.selectedTurns().addListener((ListChangeListener<Message>) c -> {
            turns.getChildren().clear();
            for (Message m : vm.selectedTurns()) {
                String role = m.role().isEmpty() ? m.role() : Character.toUpperCase(m.role().charAt(0)) + m.role().substring(1);
                Label t = new Label(role + ": " + m.content());
                t.setWrapText(true);
                t.getStyleClass().addAll("preview-turn", "preview-" + m.role().toLowerCase(Locale.ROOT));
                turns.getChildren().add(t);
            }
        });
        ScrollPane preview = new ScrollPane(turns);
        preview.setFitToWidth(true);
        preview.setPrefHeight(PREVIEW_HEIGHT);
        preview.setMinHeight(PREVIEW_HEIGHT);
        preview.visibleProperty().bind(Bindings.isNotEmpty(vm.selectedTurns()));
        preview.managedProperty().bind(preview.visibleProperty());
        turns.heightProperty().addListener((obs, old, h) -> preview.setVvalue(preview.getVmax()));

        getChildren().addAll(search, filters, list, status, preview);
    }

    private static boolean insideCell(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (n instanceof RowCell cell) {
                return !cell.isEmpty();
            }
        }
        return false;
    }

    /** Status (and "conversation") above the prompt's first line, clipped to the list's width. */
    private static final class RowCell extends ListCell<PromptRow> {
        private final Label status = new Label();
        private final Label line = new Label();
        private final VBox box = new VBox(1, status, line);

        RowCell() {
            setPrefWidth(0);
            status.getStyleClass().add("prompt-row-status");
            line.getStyleClass().add("prompt-row-line");
        }

        @Override
        protected void updateItem(PromptRow item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            status.setText("#" + item.id() + " · " + item.status() + (item.conversation() ? " · conversation" : ""));
            line.setText(item.line());
            setGraphic(box);
        }
    }
}
