package org.rlhfworkbench.ui;

import java.net.URL;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.rlhfworkbench.ui.project.MainView;
import org.rlhfworkbench.ui.project.MainViewModel;

/** Puts the main view into a stage: size, stylesheet and a title that follows the open project. */
public final class MainWindow {
    public static final double WIDTH = 1200;
    public static final double HEIGHT = 800;
    static final String STYLESHEET = "/org/rlhfworkbench/ui/workbench.css";

    private MainWindow() {
    }

    public static void show(Stage stage, MainViewModel viewModel) {
        show(stage, viewModel, java.util.Map.of());
    }

    /** @param labelView the Label tab's content, or null for its placeholder */
    public static void show(Stage stage, MainViewModel viewModel, Node labelView) {
        show(stage, viewModel, labelView == null ? java.util.Map.of() : java.util.Map.of("Label", labelView));
    }

    /** @param views stage tab title -> content ("Label", "SFT", "Reward", "PPO") */
    public static void show(Stage stage, MainViewModel viewModel, java.util.Map<String, Node> views) {
        Scene scene = new Scene(new MainView(viewModel, views), WIDTH, HEIGHT);
        URL css = MainWindow.class.getResource(STYLESHEET);
        if (css != null) {
            scene.getStylesheets().add(css.toExternalForm());
        }
        stage.titleProperty().bind(viewModel.titleBinding());
        stage.setScene(scene);
        stage.show();
    }
}
