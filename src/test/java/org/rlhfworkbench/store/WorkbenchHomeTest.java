package org.rlhfworkbench.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkbenchHomeTest {
    @TempDir
    Path tmp;

    @Test
    void lastProjectIsEmptyWithoutSettings() {
        assertThat(new WorkbenchHome(tmp.resolve("home")).lastProject()).isEmpty();
    }

    @Test
    void lastProjectSurvivesANewInstance() {
        Path dir = tmp.resolve("p");
        Project.create(dir).close();
        new WorkbenchHome(tmp.resolve("home")).setLastProject(dir);

        assertThat(new WorkbenchHome(tmp.resolve("home")).lastProject()).contains(dir.toAbsolutePath());
    }

    @Test
    void lastProjectIsEmptyWhenTheFolderIsNoLongerAProject() {
        WorkbenchHome home = new WorkbenchHome(tmp.resolve("home"));
        home.setLastProject(tmp.resolve("gone"));

        assertThat(home.lastProject()).isEmpty();
    }

    @Test
    void writingLeavesOnlyTheSettingsFileAndKeepsOtherKeys() throws Exception {
        Path homeDir = tmp.resolve("home");
        Files.createDirectories(homeDir);
        Files.writeString(homeDir.resolve(WorkbenchHome.SETTINGS_FILE), "{\"theme\":\"dark\"}");

        new WorkbenchHome(homeDir).setLastProject(tmp.resolve("p"));

        try (var files = Files.list(homeDir)) {
            assertThat(files).containsExactly(homeDir.resolve(WorkbenchHome.SETTINGS_FILE));
        }
        assertThat(Files.readString(homeDir.resolve(WorkbenchHome.SETTINGS_FILE))).contains("\"theme\"", "lastProject");
    }

    @Test
    void unreadableSettingsCountAsEmpty() throws Exception {
        Path homeDir = tmp.resolve("home");
        Files.createDirectories(homeDir);
        Files.writeString(homeDir.resolve(WorkbenchHome.SETTINGS_FILE), "{not json");

        assertThat(new WorkbenchHome(homeDir).lastProject()).isEmpty();
    }

    @Test
    void systemPropertyChoosesTheHome() {
        String before = System.getProperty(WorkbenchHome.PROPERTY);
        System.setProperty(WorkbenchHome.PROPERTY, tmp.toString());
        try {
            assertThat(WorkbenchHome.fromEnvironment().home()).isEqualTo(tmp.toAbsolutePath());
        } finally {
            if (before == null) {
                System.clearProperty(WorkbenchHome.PROPERTY);
            } else {
                System.setProperty(WorkbenchHome.PROPERTY, before);
            }
        }
    }
}
