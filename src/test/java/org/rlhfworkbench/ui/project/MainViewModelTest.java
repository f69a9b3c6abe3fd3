package org.rlhfworkbench.ui.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.jobs.ProjectService;
import org.rlhfworkbench.jobs.SameThreadBackgroundExecutor;
import org.rlhfworkbench.store.Project;

class MainViewModelTest {
    @TempDir
    Path tmp;
    private Path projectDir;
    private ProjectService service;
    private MainViewModel viewModel;

    @BeforeEach
    void setUp() {
        projectDir = tmp.resolve("three-prompts");
        try (Project project = Project.create(projectDir)) {
            project.prompts().add("Explain RLHF in one sentence.", "test");
            project.prompts().add("Write a haiku\nabout   reward models.", "test");
            project.prompts().add("What is a KL penalty?", "test");
        }
        service = new ProjectService(tmp.resolve("home"));
        viewModel = new MainViewModel(new SameThreadBackgroundExecutor(), service);
    }

    @AfterEach
    void tearDown() {
        service.close();
    }

    @Test
    void openShowsNameCountsAndPromptsOfTheProject() {
        viewModel.open(projectDir);

        assertThat(viewModel.projectNameProperty().get()).isEqualTo("three-prompts");
        assertThat(viewModel.projectPathProperty().get()).isEqualTo(projectDir.toAbsolutePath().toString());
        assertThat(viewModel.countProperty(ProjectCount.PROMPTS).get()).isEqualTo(3);
        assertThat(viewModel.countProperty(ProjectCount.DEMONSTRATIONS).get()).isZero();
        assertThat(viewModel.countProperty(ProjectCount.RUNS).get()).isZero();
        assertThat(viewModel.prompts()).containsExactly("Explain RLHF in one sentence.",
                "Write a haiku about reward models.", "What is a KL penalty?");
        assertThat(viewModel.statusMessageProperty().get()).contains("three-prompts", "3 prompts");
        assertThat(viewModel.lastErrorProperty().get()).isNull();
        assertThat(viewModel.busyProperty().get()).isFalse();
    }

    @Test
    void titleNamesTheOpenProject() {
        assertThat(viewModel.titleBinding().get()).isEqualTo("RLHF Workbench");
        viewModel.open(projectDir);
        assertThat(viewModel.titleBinding().get()).isEqualTo("RLHF Workbench — three-prompts");
    }

    @Test
    void openingAProjectLockedElsewhereReportsTheLock() {
        try (Project elsewhere = Project.open(projectDir)) {
            viewModel.open(projectDir);
        }

        assertThat(viewModel.lastErrorProperty().get()).contains("open in another process");
        assertThat(viewModel.statusMessageProperty().get()).contains("failed", "open in another process");
        assertThat(viewModel.projectNameProperty().get()).isEmpty();
        assertThat(viewModel.busyProperty().get()).isFalse();
    }

    @Test
    void openingAFolderWithoutProjectReportsIt() {
        viewModel.open(tmp.resolve("missing"));

        assertThat(viewModel.lastErrorProperty().get()).contains("not an RLHF Workbench project");
        assertThat(viewModel.prompts()).isEmpty();
    }

    @Test
    void failedOpenKeepsThePreviousProjectShown() {
        viewModel.open(projectDir);
        viewModel.open(tmp.resolve("missing"));

        assertThat(viewModel.projectNameProperty().get()).isEqualTo("three-prompts");
        assertThat(viewModel.countProperty(ProjectCount.PROMPTS).get()).isEqualTo(3);
    }

    @Test
    void nextCommandClearsTheLastError() {
        viewModel.open(tmp.resolve("missing"));
        viewModel.open(projectDir);

        assertThat(viewModel.lastErrorProperty().get()).isNull();
    }

    @Test
    void createOpensAnEmptyProject() {
        viewModel.create(tmp.resolve("fresh"));

        assertThat(viewModel.projectNameProperty().get()).isEqualTo("fresh");
        assertThat(viewModel.countProperty(ProjectCount.PROMPTS).get()).isZero();
        assertThat(viewModel.prompts()).isEmpty();
    }

    @Test
    void openAtStartPrefersTheRequestedProject() {
        viewModel.create(tmp.resolve("other"));
        viewModel.openAtStart(Optional.of(projectDir));

        assertThat(viewModel.projectNameProperty().get()).isEqualTo("three-prompts");
    }

    @Test
    void refreshWithoutProjectReportsIt() {
        viewModel.refresh();

        assertThat(viewModel.lastErrorProperty().get()).isEqualTo("No project is open");
    }

    @Test
    void statusBarDeviceShowsWhatTheProbeReports() {
        assertThat(viewModel.deviceProperty().get()).isEmpty();
        viewModel.detectDevice(() -> "GPU 0 (CUDA, 1 visible)");
        assertThat(viewModel.deviceProperty().get()).isEqualTo("Device: GPU 0 (CUDA, 1 visible)");
        viewModel.detectDevice(() -> {
            throw new IllegalStateException("no engine");
        });
        assertThat(viewModel.deviceProperty().get()).isEqualTo("Device: unknown (no engine)");
    }
}
