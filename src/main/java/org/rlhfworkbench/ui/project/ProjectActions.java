package org.rlhfworkbench.ui.project;

import javafx.scene.control.Button;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.VBox;
import javafx.stage.WindowEvent;
import org.rlhfworkbench.ui.data.DataDialogs;

/** Menu bar and tool bar of the main window; both forward to the view's New and Open actions. */
final class ProjectActions extends VBox {

    ProjectActions(MainViewModel viewModel, Runnable onNew, Runnable onOpen) {
        MenuItem newItem = new MenuItem("New project…");
        newItem.setAccelerator(KeyCombination.keyCombination("Shortcut+N"));
        newItem.setOnAction(e -> onNew.run());
        MenuItem openItem = new MenuItem("Open project...");
        openItem.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        openItem.setOnAction(e -> onOpen.run());
        MenuItem quitItem = new MenuItem("Quit");
        quitItem.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        // a close request, not Platform.exit(): the window's guard asks first while a run trains
        quitItem.setOnAction(e -> getScene().getWindow().fireEvent(
                new WindowEvent(getScene().getWindow(), WindowEvent.WINDOW_CLOSE_REQUEST)));
        MenuItem importItem = new MenuItem("Import data...");
        importItem.setId("importData");
        importItem.setOnAction(e -> DataDialogs.showImport(getScene().getWindow(), viewModel.data()));
        MenuItem exportItem = new MenuItem("Export data...");
        exportItem.setId("exportData");
        exportItem.setOnAction(e -> DataDialogs.showExport(getScene().getWindow(), viewModel.data()));
        importItem.disableProperty().bind(viewModel.projectPathProperty().isEmpty());
        exportItem.disableProperty().bind(viewModel.projectPathProperty().isEmpty());
        Menu file = new Menu("File", null, newItem, openItem, new SeparatorMenuItem(), importItem, exportItem,
                new SeparatorMenuItem(), quitItem);
        MenuBar menuBar = new MenuBar(file);
        menuBar.setId("menuBar");

        Button newButton = new Button("New");
        newButton.setId("newProjectButton");
        newButton.setOnAction(e -> onNew.run());
        Button openButton = new Button("Open");
        openButton.setId("openProjectButton");
        openButton.setOnAction(e -> onOpen.run());
        ToolBar toolBar = new ToolBar(newButton, openButton);
        toolBar.setId("toolBar");

        newItem.disableProperty().bind(viewModel.busyProperty());
        openItem.disableProperty().bind(viewModel.busyProperty());
        newButton.disableProperty().bind(viewModel.busyProperty());
        openButton.disableProperty().bind(viewModel.busyProperty());
        getChildren().addAll(menuBar, toolBar);
    }
}
