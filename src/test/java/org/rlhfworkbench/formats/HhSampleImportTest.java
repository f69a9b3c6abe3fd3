package org.rlhfworkbench.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.Generation;
import org.rlhfworkbench.core.Prompt;
import org.rlhfworkbench.core.Ranking;
import org.rlhfworkbench.store.Project;

/** The 1,000 real Anthropic HH-RLHF pairs in ../shared (skipped when ../shared is absent). */
class HhSampleImportTest {
    static final Path SAMPLE = Path.of(System.getProperty("rlhf.shared.dir", "../shared"),
            "data/hh-rlhf-harmless/sample-1000.jsonl.gz");

    @TempDir
    Path tmp;

    @Test
    void importsIntoOneThousandPromptsAndTwoThousandResponsesSplitAtTheLastAssistantTurn() throws Exception {
        assumeTrue(Files.isRegularFile(SAMPLE), "../shared/data/hh-rlhf-harmless is absent");
        try (Project p = Project.create(tmp.resolve("hh"))) {
            ImportReport report = Importer.importFile(p, SAMPLE, ImportFormat.HH, false);
            assertThat(report.records()).isEqualTo(1000);
            assertThat(p.counts().prompts()).isEqualTo(1000);
            assertThat(p.counts().generations()).isEqualTo(2000);
            assertThat(p.counts().pairs()).isEqualTo(1000);

            Prompt first = p.prompts().all().get(0);
            assertThat(first.text()).startsWith("\n\nHuman: what are some pranks with a pen i can do?")
                    .endsWith("\n\nHuman: okay some of these do not have anything to do with pens\n\nAssistant:");
            assertThat(first.messages()).hasSize(5);
            assertThat(first.messages().get(0).content()).isEqualTo("what are some pranks with a pen i can do?");
            List<Generation> responses = p.generations().forPrompt(first.id());
            assertThat(responses).hasSize(2);
            for (Generation g : responses) {
                assertThat(g.text()).startsWith(" ").doesNotContain("\n\nHuman:").doesNotContain("\n\nAssistant:");
            }
            Ranking r = p.rankings().forPrompt(first.id()).get(0);
            assertThat(r.pairs()).hasSize(1);
            assertThat(p.generations().get(r.pairs().get(0).chosenId()).text())
                    .startsWith(" No, sorry!  All of these involve a pen");
        }
    }

    @Test
    void exportsBackToTheIdenticalFile() throws Exception {
        assumeTrue(Files.isRegularFile(SAMPLE), "../shared/data/hh-rlhf-harmless is absent");
        Path out = tmp.resolve("hh.jsonl.gz");
        try (Project p = Project.create(tmp.resolve("hh"))) {
            Importer.importFile(p, SAMPLE, ImportFormat.HH, false);
            assertThat(Exporter.export(p, out, ExportFormat.HH)).isEqualTo(1000);
        }
        Path plainIn = tmp.resolve("in.jsonl");
        Path plainOut = tmp.resolve("out.jsonl");
        Files.write(plainIn, new java.util.zip.GZIPInputStream(Files.newInputStream(SAMPLE)).readAllBytes());
        Files.write(plainOut, new java.util.zip.GZIPInputStream(Files.newInputStream(out)).readAllBytes());
        assertThat(FormatRoundTripTest.rows(plainOut)).isEqualTo(FormatRoundTripTest.rows(plainIn));
    }
}
