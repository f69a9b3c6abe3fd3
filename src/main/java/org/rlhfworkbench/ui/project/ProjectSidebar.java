package org.rlhfworkbench.ui.project;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Left side of the main window: project name, counts and the first prompts. */
final class ProjectSidebar extends VBox {

    ProjectSidebar(MainViewModel viewModel) {
        getStyleClass().add("project-sidebar");
        Label name = new Label();
        name.setId("projectName");
        name.getStyleClass().add("project-name");
        name.textProperty().bind(Bindings.when(viewModel.projectNameProperty().isEmpty())
                .then("No project open").otherwise(viewModel.projectNameProperty()));

        Label promptsTitle = new Label("Prompts");
        promptsTitle.getStyleClass().add("section-title");
        ListView<String> prompts = new ListView<>(viewModel.prompts());
        prompts.setId("promptList");
        prompts.setPlaceholder(new Label("No prompts yet"));
        prompts.setCellFactory(list -> new ClippedCell());
        VBox.setVgrow(prompts, Priority.ALWAYS);

        getChildren().addAll(name, new CountsPane(viewModel), promptsTitle, prompts);
    }

    /** A cell as wide as the list, so long prompts end in "..." instead of scrolling sideways. */
    private static final class ClippedCell extends ListCell<String> {
        ClippedCell() {
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
        }
    }
}
