package org.rlhfworkbench.ui.project;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Left side of the main window: project name, counts and the prompt browser. */
final class ProjectSidebar extends VBox {

    ProjectSidebar(MainViewModel viewModel, Runnable onNewProject) {
        getStyleClass().add("project-sidebar");
        Label name = new Label();
        name.setId("projectName");
        name.getStyleClass().add("project-name");
        name.textProperty().bind(Bindings.when(viewModel.projectNameProperty().isEmpty())
                .then("No project open").otherwise(viewModel.projectNameProperty()));

        Label promptsTitle = new Label("Prompts");
        promptsTitle.getStyleClass().add("section-title");
        PromptBrowser browser = new PromptBrowser(viewModel.browser(), onNewProject);
        VBox.setVgrow(browser, Priority.ALWAYS);

        getChildren().addAll(name, new CountsPane(viewModel), promptsTitle, browser);
    }
}
