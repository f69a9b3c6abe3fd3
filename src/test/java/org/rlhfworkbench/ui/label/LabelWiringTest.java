package org.rlhfworkbench.ui.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rlhfworkbench.ui.label.FxSupport.onFx;
import static org.rlhfworkbench.ui.label.FxSupport.read;
import static org.rlhfworkbench.ui.label.FxSupport.waitUntil;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.jobs.ProjectService;
import org.rlhfworkbench.jobs.ThreadPoolBackgroundExecutor;
import org.rlhfworkbench.jobs.label.LabelingService;
import org.rlhfworkbench.store.Project;
import org.rlhfworkbench.ui.MainWindow;
import org.rlhfworkbench.ui.project.MainViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The labeling view inside the main window: the Label tab, a service per opened project, the empty state. */
@ExtendWith(ApplicationExtension.class)
class LabelWiringTest {
    @TempDir
    Path tmp;

    private final List<Path> asked = new ArrayList<>();
    private final List<FakeLabelingService> made = new ArrayList<>();
    private Function<Path, LabelingService> factory = dir -> null;
    private Stage stage;
    private ThreadPoolBackgroundExecutor executor;
    private ProjectService projects;
    private MainViewModel main;
    private LabelServiceSwitcher switcher;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        executor = new ThreadPoolBackgroundExecutor(Platform::runLater);
        projects = new ProjectService(Path.of(System.getProperty("java.io.tmpdir"), "rlhf-label-wiring-home-" + ProcessHandle.current().pid()));
        main = new MainViewModel(executor, projects);
        LabelViewModel label = new LabelViewModel(executor, KeyMapStore.inMemory(KeyMap.defaults()));
        switcher = new LabelServiceSwitcher(executor, dir -> {
            asked.add(dir);
            return factory.apply(dir);
        }, label);
        main.projectPathProperty().addListener((obs, old, dir) -> switcher.projectChanged(dir.isEmpty() ? null : Path.of(dir)));
        MainWindow.show(stage, main, new LabelView(label));
    }

    @AfterEach
    void tearDown() throws Exception {
        onFx(() -> {
            switcher.close();
            return null;
        });
        executor.shutdown();
        projects.close();
    }

    private Path project(String name) {
        Path dir = tmp.resolve(name);
        try (Project project = Project.create(dir)) {
            project.prompts().add("Explain RLHF.", "test");
        }
        return dir;
    }

    private String label(String id) throws Exception {
        return onFx(() -> ((Label) stage.getScene().lookup("#" + id)).getText());
    }

    @Test
    void labelTabHoldsTheLabelingViewAndSaysNoPolicyModel() throws Exception {
        assertThat(onFx(() -> ((TabPane) stage.getScene().lookup("#stageTabs")).getTabs().get(0).getContent().getId()))
                .isEqualTo("labelView");
        assertThat(label("emptyTitle")).isEqualTo("No project open");

        Path dir = project("no-model");
        onFx(() -> {
            main.open(dir);
            return null;
        });
        waitUntil(() -> read(() -> "No policy model".equals(
                ((Label) stage.getScene().lookup("#emptyTitle")).getText())));
        assertThat(asked).containsExactly(dir.toAbsolutePath().normalize());
        assertThat(label("emptyDetail")).contains("policy model");
    }

    @Test
    void eachOpenedProjectGetsItsServiceAndTheOldOneIsClosed(FxRobot robot) throws Exception {
        factory = dir -> {
            FakeLabelingService service = FakeLabelingService.complete(3, 2);
            made.add(service);
            return service;
        };
        onFx(() -> {
            main.open(project("first"));
            return null;
        });
        waitUntil(() -> read(() -> "Prompt number 1?".equals(((Label) stage.getScene().lookup("#promptText")).getText())));
        onFx(() -> {
            TabPane tabs = (TabPane) stage.getScene().lookup("#stageTabs");
            tabs.getSelectionModel().select(1);
            tabs.getSelectionModel().select(0);
            return null;
        });
        waitUntil(() -> read(() -> stage.getScene().getFocusOwner() != null
                && "labelView".equals(stage.getScene().getFocusOwner().getId())));
        robot.type(KeyCode.DIGIT2, KeyCode.ENTER);
        waitUntil(() -> made.get(0).submittedCount() == 1);

        onFx(() -> {
            main.open(project("second"));
            return null;
        });
        waitUntil(() -> made.size() == 2 && made.get(0).closed());
        waitUntil(() -> read(() -> "Prompt number 1?".equals(((Label) stage.getScene().lookup("#promptText")).getText())));
        assertThat(made.get(1).closed()).isFalse();
    }
}
