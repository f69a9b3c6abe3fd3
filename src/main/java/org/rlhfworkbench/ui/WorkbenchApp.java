package org.rlhfworkbench.ui;

import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.rlhfworkbench.jobs.ProjectService;
import org.rlhfworkbench.jobs.ThreadPoolBackgroundExecutor;
import org.rlhfworkbench.ui.project.MainViewModel;

/**
 * The desktop application. Opens the project named by the system property {@value #PROJECT_PROPERTY}
 * (set by {@code Launcher --project DIR}), else the last opened one, else the bundled sample;
 * the opening runs on the background worker.
 */
public final class WorkbenchApp extends Application {
    public static final String PROJECT_PROPERTY = "rlhf.project";

    private ThreadPoolBackgroundExecutor executor;
    private ProjectService projectService;

    @Override
    public void start(Stage stage) {
        executor = new ThreadPoolBackgroundExecutor(Platform::runLater);
        projectService = ProjectService.withDefaultHome();
        MainViewModel viewModel = new MainViewModel(executor, projectService);
        MainWindow.show(stage, viewModel);
        viewModel.openAtStart(requestedProject());
    }

    static Optional<Path> requestedProject() {
        String dir = System.getProperty(PROJECT_PROPERTY);
        return dir == null || dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir));
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdown();
        }
        if (projectService != null) {
            projectService.close();
        }
    }
}
