package org.rlhfworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.DemonstrationSource;
import org.rlhfworkbench.jobs.ProjectService;
import org.rlhfworkbench.jobs.ThreadPoolBackgroundExecutor;
import org.rlhfworkbench.store.Project;
import org.rlhfworkbench.store.WorkbenchHome;
import org.rlhfworkbench.ui.project.MainViewModel;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real main window on a real project, opened through the background worker. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    @TempDir
    static Path tmp;
    private static Path projectDir;
    private static String homeBefore;

    private Stage stage;
    private ThreadPoolBackgroundExecutor executor;
    private ProjectService service;

    @BeforeAll
    static void createProject() {
        homeBefore = System.getProperty(WorkbenchHome.PROPERTY);
        System.setProperty(WorkbenchHome.PROPERTY, tmp.resolve("home").toString());
        projectDir = tmp.resolve("demo-project");
        try (Project project = Project.create(projectDir)) {
            long first = project.prompts().add("Explain RLHF to a child.", "test");
            project.prompts().add("Summarise the PPO paper.", "test");
            project.prompts().add("Why add a KL penalty?", "test");
            project.demonstrations().add(first, "People tell the computer which answers they like.",
                    DemonstrationSource.WRITTEN, null);
        }
    }

    @AfterAll
    static void restoreHome() {
        if (homeBefore == null) {
            System.clearProperty(WorkbenchHome.PROPERTY);
        } else {
            System.setProperty(WorkbenchHome.PROPERTY, homeBefore);
        }
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        executor = new ThreadPoolBackgroundExecutor(Platform::runLater);
        service = ProjectService.withDefaultHome();
        MainViewModel viewModel = new MainViewModel(executor, service);
        MainWindow.show(stage, viewModel);
        viewModel.open(projectDir);
    }

    @AfterEach
    void tearDown() {
        executor.shutdown();
        service.close();
    }

    @Test
    void showsCountsAndPromptsOfTheOpenedProject() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "3".equals(onFx(() -> label("count-prompts"))));

        assertThat(onFx(() -> label("count-demonstrations"))).isEqualTo("1");
        assertThat(onFx(() -> label("count-generations"))).isEqualTo("0");
        assertThat(onFx(() -> label("count-runs"))).isEqualTo("0");
        assertThat(onFx(() -> label("projectName"))).isEqualTo("demo-project");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(this::promptItems).size() == 3);
        assertThat(onFx(this::promptItems)).containsExactly("Explain RLHF to a child.",
                "Summarise the PPO paper.", "Why add a KL penalty?");
        assertThat(onFx(() -> label("statusPath"))).isEqualTo(projectDir.toAbsolutePath().toString());
        assertThat(onFx(stage::getTitle)).isEqualTo("RLHF Workbench — demo-project");
        assertThat(service.homeDir()).isEqualTo(tmp.resolve("home").toAbsolutePath());
    }

    @Test
    void hasOneTabPerStage() throws Exception {
        List<String> tabs = onFx(() -> ((TabPane) stage.getScene().lookup("#stageTabs")).getTabs().stream()
                .map(Tab::getText).toList());

        assertThat(tabs).containsExactly("Label", "SFT", "Reward", "PPO", "GRPO", "DPO", "Evaluate", "Chat");
    }

    private String label(String id) {
        return ((Label) stage.getScene().lookup("#" + id)).getText();
    }

    /** The prompt browser's rows, one line each. */
    @SuppressWarnings("unchecked")
    private List<String> promptItems() {
        return ((ListView<org.rlhfworkbench.ui.project.PromptRow>) stage.getScene().lookup("#promptList")).getItems()
                .stream().map(org.rlhfworkbench.ui.project.PromptRow::line).toList();
    }

    /** Reads the scene on the FX thread, then lets pending FX events run. */
    private static <T> T onFx(Callable<T> read) throws Exception {
        T value = WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return value;
    }
}
