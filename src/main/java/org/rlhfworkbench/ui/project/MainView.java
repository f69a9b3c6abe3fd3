package org.rlhfworkbench.ui.project;

import java.io.File;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.layout.BorderPane;
import javafx.stage.DirectoryChooser;
import org.rlhfworkbench.ui.StageTabs;
import org.rlhfworkbench.ui.StatusBar;

/**
 * The main window's content: actions on top, the open project on the left, one tab per RLHF stage
 * in the centre, status at the bottom. Errors of the view model's commands open a dialog.
 */
public final class MainView extends BorderPane {
    private final MainViewModel viewModel;
    private final StageTabs tabs;

    public MainView(MainViewModel viewModel) {
        this(viewModel, java.util.Map.of());
    }

    /** @param labelView the Label tab's content (the labeling view), or null for a placeholder */
    public MainView(MainViewModel viewModel, Node labelView) {
        this(viewModel, labelView == null ? java.util.Map.of() : java.util.Map.of("Label", labelView));
    }

    /** @param views stage tab title -> content; missing stages show placeholders */
    public MainView(MainViewModel viewModel, java.util.Map<String, Node> views) {
        this.viewModel = viewModel;
        getStyleClass().add("main-view");
        setTop(new ProjectActions(viewModel, this::openNewProjectGuide, this::chooseProjectToOpen));
        setLeft(new ProjectSidebar(viewModel, this::openNewProjectGuide));
        tabs = new StageTabs(views);
        setCenter(tabs);
        // a prompt opened in the browser, or a project made by the guide, is labeled next
        viewModel.browser().addOpenListener(id -> selectTab("tab-label"));
        if (views.get("Label") instanceof org.rlhfworkbench.ui.label.LabelView label) {
            label.setEmptyAction("Start a new project with the guide…", this::openNewProjectGuide);
        }
        setBottom(new StatusBar(viewModel.statusMessageProperty(), viewModel.projectPathProperty(),
                viewModel.busyProperty(), viewModel.deviceProperty()));
        viewModel.lastErrorProperty().addListener((obs, old, error) -> {
            if (error != null) {
                showError(error);
            }
        });
    }

    /** File > New project…: the guide (folder, base model, data, prompt format, K, guidelines) in its own window. */
    public javafx.stage.Stage openNewProjectGuide() {
        NewProjectGuideViewModel guide = viewModel.newProjectGuide();
        javafx.stage.Stage stage = NewProjectGuideView.show(getScene() == null ? null : getScene().getWindow(), guide);
        guide.setOnCreated(dir -> {
            stage.close();
            viewModel.open(dir);
            selectTab("tab-label");
        });
        return stage;
    }

    /** Shows the tab and gives its content the focus (the labeling keys go to the Label tab at once). */
    private void selectTab(String id) {
        tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().ifPresent(t -> {
            tabs.getSelectionModel().select(t);
            javafx.application.Platform.runLater(() -> t.getContent().requestFocus());
        });
    }

    private void chooseProjectToOpen() {
        File dir = chooser("Open project folder").showDialog(getScene().getWindow());
        if (dir != null) {
            viewModel.open(dir.toPath());
        }
    }

    private DirectoryChooser chooser(String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        String current = viewModel.projectPathProperty().get();
        if (!current.isEmpty()) {
            File parent = new File(current).getParentFile();
            if (parent != null && parent.isDirectory()) {
                chooser.setInitialDirectory(parent);
            }
        }
        return chooser;
    }

    private void showError(String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.setTitle(MainViewModel.APP_TITLE);
        alert.setHeaderText(null);
        alert.setResizable(true);
        if (getScene() != null) {
            alert.initOwner(getScene().getWindow());
        }
        alert.show();
    }
}
