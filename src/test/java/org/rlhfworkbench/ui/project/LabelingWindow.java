package org.rlhfworkbench.ui.project;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.rlhfworkbench.jobs.ProjectService;
import org.rlhfworkbench.jobs.ThreadPoolBackgroundExecutor;
import org.rlhfworkbench.jobs.label.LabelConfig;
import org.rlhfworkbench.jobs.label.NotifyingLabelingService;
import org.rlhfworkbench.jobs.label.ProjectLabelingService;
import org.rlhfworkbench.ui.MainWindow;
import org.rlhfworkbench.ui.label.KeyMap;
import org.rlhfworkbench.ui.label.KeyMapStore;
import org.rlhfworkbench.ui.label.LabelServiceSwitcher;
import org.rlhfworkbench.ui.label.LabelView;
import org.rlhfworkbench.ui.label.LabelViewModel;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main window wired as WorkbenchApp wires it (real executor, project service, labeling
 * service per opened project generating with the project's model), with only the Label tab
 * real; and the helpers the TestFX tests here share.
 */
final class LabelingWindow {
    final ThreadPoolBackgroundExecutor executor = new ThreadPoolBackgroundExecutor(Platform::runLater);
    final ProjectService projects;
    final MainViewModel main;
    final LabelViewModel label = new LabelViewModel(executor, KeyMapStore.inMemory(KeyMap.defaults()));
    final LabelServiceSwitcher switcher;
    final Stage stage;

    LabelingWindow(Stage stage, Path home) {
        this.stage = stage;
        projects = new ProjectService(home);
        main = new MainViewModel(executor, projects);
        switcher = new LabelServiceSwitcher(executor, dir -> {
            var project = projects.project();
            if (project.models().count() == 0) {
                return null;
            }
            project.meta().put(LabelConfig.META_MAX_NEW_TOKENS, "8");  // short answers: the test waits for them
            return new NotifyingLabelingService(new ProjectLabelingService(project, 0L), projects);
        }, label);
        main.projectPathProperty().addListener((obs, old, dir) -> switcher.projectChanged(dir.isEmpty() ? null : Path.of(dir)));
        main.browser().addOpenListener(label::openPrompt);
        MainWindow.show(stage, main, Map.of("Label", new LabelView(label)));
    }

    MainView mainView() {
        return (MainView) stage.getScene().getRoot();
    }

    void close() throws Exception {
        onFx(() -> {
            switcher.close();
            return null;
        });
        executor.shutdown();
        projects.close();
    }

    String selectedTab() throws Exception {
        return onFx(() -> ((TabPane) stage.getScene().lookup("#stageTabs")).getSelectionModel().getSelectedItem().getId());
    }

    @SuppressWarnings("unchecked")
    <T extends Node> T lookup(String id) throws Exception {
        return onFx(() -> (T) stage.getScene().lookup("#" + id));
    }

    static <T> T onFx(Callable<T> read) throws Exception {
        T value = WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return value;
    }

    static boolean read(Callable<Boolean> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void waitUntil(int seconds, BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
