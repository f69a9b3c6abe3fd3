package org.rlhfworkbench.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.Generation;
import org.rlhfworkbench.core.Prompt;
import org.rlhfworkbench.core.Ranking;
import org.rlhfworkbench.core.RankingEntry;
import org.rlhfworkbench.store.Project;

class ImportTest {
    @TempDir
    Path tmp;

    @Test
    void aMalformedLineRejectsTheWholeFileWithItsLineNumberAndWritesNothing() throws Exception {
        Path in = write("bad.jsonl", """
                {"prompt":"ok","chosen":"a","rejected":"b"}
                {"prompt":"ok","chosen":"a","rejected":"b"}
                {"prompt":"broken","chosen":"a",
                {"prompt":"ok","chosen":"a","rejected":"b"}
                """);
        try (Project p = Project.create(tmp.resolve("p"))) {
            assertThatThrownBy(() -> Importer.importFile(p, in, ImportFormat.TRL, false))
                    .isInstanceOf(ImportException.class)
                    .hasMessageContaining("bad.jsonl:3: invalid JSON")
                    .hasMessageContaining("nothing was imported")
                    .satisfies(e -> assertThat(((ImportException) e).firstBadLine().line()).isEqualTo(3));
            assertThat(p.counts().prompts()).isZero();
            assertThat(p.counts().generations()).isZero();
            assertThat(p.counts().rankings()).isZero();
        }
    }

    @Test
    void aMissingFieldIsNamed() throws Exception {
        Path in = write("missing.jsonl", """
                {"prompt":"ok","chosen":"a"}
                """);
        try (Project p = Project.create(tmp.resolve("p"))) {
            assertThatThrownBy(() -> Importer.importFile(p, in, ImportFormat.TRL, false))
                    .hasMessageContaining("missing.jsonl:1: missing \"rejected\"");
        }
    }

    @Test
    void skipBadImportsTheGoodLinesAndReportsTheBadOnes() throws Exception {
        Path in = write("mixed.jsonl", """
                {"prompt":"p1","responses":["a","b"],"rewards":[1,0]}
                {"prompt":"p2","responses":["a","b","c"],"rewards":[1,0]}
                not json at all
                {"prompt":"p4","responses":["a","b"],"rewards":[0,1]}
                """);
        try (Project p = Project.create(tmp.resolve("p"))) {
            ImportReport report = Importer.importFile(p, in, ImportFormat.RLHFLOW, true);
            assertThat(report.skipped()).extracting(BadLine::line).containsExactly(2L, 3L);
            assertThat(report.skipped().get(0).reason()).contains("same length");
            assertThat(p.counts().prompts()).isEqualTo(2);
        }
    }

    @Test
    void promptsFromTxtOneLinePerPromptAndBlankLinesIgnored() throws Exception {
        Path in = write("prompts.txt", "What is 2 plus 2?\n\nName a fruit.\n");
        try (Project p = Project.create(tmp.resolve("p"))) {
            Importer.importFile(p, in, ImportFormat.PROMPTS, false);
            assertThat(p.prompts().all()).extracting(Prompt::text).containsExactly("What is 2 plus 2?", "Name a fruit.");
        }
    }

    @Test
    void gzipFilesAreReadDirectly() throws Exception {
        Path in = tmp.resolve("sft.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(in))) {
            out.write("{\"prompt\":\"a\",\"completion\":\"b\"}\n".getBytes(StandardCharsets.UTF_8));
        }
        try (Project p = Project.create(tmp.resolve("p"))) {
            Importer.importFile(p, in, ImportFormat.SFT, false);
            assertThat(p.demonstrations().all()).extracting(d -> d.text()).containsExactly("b");
        }
    }

    @Test
    void rlhflowRewardsBecomeAKWayRankingWithTies() throws Exception {
        Path in = write("k.jsonl", """
                {"prompt":"Q","responses":["r0","r1","r2","r3"],"rewards":[0.1,0.9,0.9,-2]}
                """);
        try (Project p = Project.create(tmp.resolve("p"))) {
            Importer.importFile(p, in, ImportFormat.RLHFLOW, false);
            Ranking r = p.rankings().all().get(0);
            List<Generation> gens = p.generations().forPrompt(r.promptId());
            assertThat(r.entries()).extracting(RankingEntry::rank).containsExactly(3, 1, 1, 4);
            assertThat(gens).extracting(Generation::score).containsExactly(0.1, 0.9, 0.9, -2.0);
            assertThat(p.counts().pairs()).isEqualTo(5); // C(4,2) = 6 minus the tie
        }
    }

    @Test
    void aKWayRankingExportsToTrlAsItsOrderedPairs() throws Exception {
        Path in = write("k.jsonl", """
                {"prompt":"Q","responses":["best","mid","worst"],"rewards":[3,2,1]}
                """);
        Path out = tmp.resolve("pairs.jsonl");
        try (Project p = Project.create(tmp.resolve("p"))) {
            Importer.importFile(p, in, ImportFormat.RLHFLOW, false);
            assertThat(Exporter.export(p, out, ExportFormat.TRL)).isEqualTo(3);
        }
        assertThat(Files.readAllLines(out)).containsExactly(
                "{\"prompt\":\"Q\",\"chosen\":\"best\",\"rejected\":\"mid\"}",
                "{\"prompt\":\"Q\",\"chosen\":\"best\",\"rejected\":\"worst\"}",
                "{\"prompt\":\"Q\",\"chosen\":\"mid\",\"rejected\":\"worst\"}");
    }

    @Test
    void aMissingFileIsNamed() {
        try (Project p = Project.create(tmp.resolve("p"))) {
            assertThatThrownBy(() -> Importer.importFile(p, tmp.resolve("nope.jsonl"), ImportFormat.SFT, false))
                    .hasMessageContaining("nope.jsonl").hasMessageContaining("no such file");
        }
    }

    private Path write(String name, String text) throws Exception {
        Path f = tmp.resolve(name);
        Files.writeString(f, text);
        return f;
    }
}
