package org.rlhfworkbench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectLockTest {
    @TempDir
    Path tmp;

    @Test
    void aSecondProcessIsRefusedWithAClearMessage() throws Exception {
        Path dir = tmp.resolve("p");
        try (Project p = Project.create(dir)) {
            p.prompts().add("still here", "test");
            Process other = probe(dir);
            String err = new String(other.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(other.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(other.exitValue()).as(err).isEqualTo(3);
            assertThat(err).contains("is open in another process").contains("project.lock");
        }
        // once closed, another process opens it and sees the data intact
        Process after = probe(dir);
        String out = new String(after.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(after.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(after.exitValue()).isZero();
        assertThat(out).contains("prompts=1");
    }

    @Test
    void openingTwiceInOneProcessIsRefusedToo() {
        Path dir = tmp.resolve("p");
        try (Project p = Project.create(dir)) {
            assertThatThrownBy(() -> Project.open(dir)).isInstanceOf(ProjectLockedException.class)
                    .hasMessageContaining("open in another process");
        }
        Project.open(dir).close();
    }

    private static Process probe(Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LockProbe.class.getName(), dir.toString()).redirectInput(new File("/dev/null")).start();
    }

    /** Opens the project in a separate JVM: exit 0 and its prompt count, or 3 when locked. */
    public static final class LockProbe {
        public static void main(String[] args) {
            try (Project p = Project.open(Path.of(args[0]))) {
                System.out.println("prompts=" + p.prompts().count());
            } catch (ProjectLockedException e) {
                System.err.println(e.getMessage());
                System.exit(3);
            }
        }
    }
}
