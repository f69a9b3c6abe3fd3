package org.rlhfworkbench.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.store.Project;
import org.rlhfworkbench.store.ProjectLockedException;
import org.rlhfworkbench.store.WorkbenchHome;

class ProjectServiceTest {
    @TempDir
    Path tmp;
    private Path home;
    private ProjectService service;

    @BeforeEach
    void setUp() {
        home = tmp.resolve("home");
        service = new ProjectService(home);
    }

    @AfterEach
    void tearDown() {
        service.close();
    }

    @Test
    void openingAnotherProjectReleasesThePreviousOne() {
        Path first = tmp.resolve("first");
        service.create(first);
        service.create(tmp.resolve("second"));

        try (Project reopened = Project.open(first)) {
            assertThat(reopened.name()).isEqualTo("first");
        }
    }

    @Test
    void openingTheOpenProjectAgainRereadsIt() {
        Path dir = tmp.resolve("p");
        service.create(dir);

        assertThat(service.open(dir).name()).isEqualTo("p");
    }

    @Test
    void closeReleasesTheProjectLock() {
        Path dir = tmp.resolve("p");
        service.create(dir);
        assertThatThrownBy(() -> Project.open(dir)).isInstanceOf(ProjectLockedException.class);

        service.close();
        Project.open(dir).close();
    }

    @Test
    void openIsRememberedAsLastProject() {
        Path dir = tmp.resolve("p");
        service.create(dir);

        assertThat(new WorkbenchHome(home).lastProject()).contains(dir.toAbsolutePath());
    }

    @Test
    void openAtStartUsesTheLastProjectWhenNoneIsRequested() {
        service.create(tmp.resolve("remembered"));
        service.close();

        ProjectService restarted = new ProjectService(home);
        try {
            assertThat(restarted.openAtStart(Optional.empty()).name()).isEqualTo("remembered");
        } finally {
            restarted.close();
        }
    }

    @Test
    void openAtStartFallsBackToTheSample() {
        ProjectSummary summary = service.openAtStart(Optional.empty());

        assertThat(summary.dir()).startsWith(home.toAbsolutePath());
    }

    @Test
    void promptPreviewsAreOneLineAndCut() {
        Path dir = tmp.resolve("p");
        try (Project project = Project.create(dir)) {
            project.prompts().add("line one\n\n  line\ttwo  ", "test");
            project.prompts().add("x".repeat(1000), "test");
        }

        ProjectSummary summary = service.open(dir);

        assertThat(summary.firstPrompts().get(0)).isEqualTo("line one line two");
        assertThat(summary.firstPrompts().get(1)).hasSize(ProjectService.PROMPT_PREVIEW_CHARS).endsWith("…");
    }
}
