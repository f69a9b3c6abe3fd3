package org.rlhfworkbench.jobs.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.RankingStatus;
import org.rlhfworkbench.store.DiskFullException;
import org.rlhfworkbench.store.Project;

/**
 * A label submitted on a full disk: a project on a 2 MB tmpfs (needs root to mount; skipped
 * otherwise), the rest of the disk filled, then one decision with a long written answer.
 */
class FullDiskTest {
    @TempDir
    Path tmp;
    private Path mount;

    private boolean mountTmpfs(Path at, String size) throws Exception {
        Files.createDirectories(at);
        Process p;
        try {
            p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", at.toString())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            return false;
        }
        p.getInputStream().readAllBytes();
        boolean ok = p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        if (ok) {
            mount = at;
        }
        return ok;
    }

    @AfterEach
    void unmount() throws Exception {
        if (mount != null) {
            new ProcessBuilder("umount", mount.toString()).inheritIO().start().waitFor(20, TimeUnit.SECONDS);
        }
    }

    /** Writes zeros until the file system refuses; returns the filler file. */
    private static Path fill(Path dir) throws IOException {
        Path filler = dir.resolve("filler");
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            return filler;
        }
    }

    @Test
    void aLabelOnAFullDiskSaysSoKeepsNothingAndLeavesTheConnectionInAutocommit() throws Exception {
        Assumptions.assumeTrue(mountTmpfs(tmp.resolve("small"), "2m"), "mounting a tmpfs needs root");
        Path dir = mount.resolve("p");
        try (Project p = Project.create(dir)) {
            long prompt = p.prompts().add("a question", "test");
            List<Long> shown = List.of(p.generations().addImported(prompt, "one", null),
                    p.generations().addImported(prompt, "two", null));
            DecisionWriter writer = new DecisionWriter(p);
            Path filler = fill(mount);
            String answer = "a long written answer ".repeat(40_000);  // ~880 KB: more than is left
            LabelDecision d = new LabelDecision(prompt, shown, List.of(1, 2), RankingStatus.RANKED, null, List.of(),
                    Collections.nCopies(2, null), answer);
            assertThatThrownBy(() -> writer.write(null, d, shown)).isInstanceOf(DiskFullException.class)
                    .hasMessageStartingWith("disk full: the label was not saved").hasMessageContaining("SQLITE_FULL")
                    .hasMessageNotContaining("Rollback");
            Files.delete(filler);
            assertThat(p.rankings().count()).isZero();
            assertThat(p.demonstrations().count()).isZero();
            // autocommit is back: a single write commits on its own (else closing would roll it back)
            p.prompts().add("after the failure", "test");
        }
        try (Project p = Project.open(dir)) {
            assertThat(p.prompts().count()).isEqualTo(2);
            long prompt = p.prompts().all().get(0).id();
            List<Long> shown = p.generations().forPrompt(prompt).stream().map(g -> g.id()).toList();
            long id = new DecisionWriter(p).write(null, new LabelDecision(prompt, shown, List.of(2, 1),
                    RankingStatus.RANKED, null, List.of(), Collections.nCopies(2, null), "short"), shown);
            assertThat(p.rankings().count()).isEqualTo(1);
            assertThat(id).isPositive();
        }
    }
}
