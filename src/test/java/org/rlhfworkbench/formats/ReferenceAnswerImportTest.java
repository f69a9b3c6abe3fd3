package org.rlhfworkbench.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.Prompt;
import org.rlhfworkbench.store.Project;

class ReferenceAnswerImportTest {
    @TempDir
    Path tmp;

    @Test
    void promptLinesKeepTheirReferenceOrAnswerAndGsm8kAnswersKeepWhatFollowsTheHashes() throws Exception {
        Path in = tmp.resolve("p.jsonl");
        Files.writeString(in, """
                {"prompt":"What is 7 times 6?","reference":"42"}
                {"prompt":"Natalia sold 48 clips...","answer":"She sold 48/2 = 24 in May.\\n#### 72"}
                {"prompt":"Capital of France?","answer":"Paris"}
                {"prompt":"How many legs?","answer":4}
                {"prompt":"No reference here."}
                """);
        try (Project p = Project.create(tmp.resolve("proj"))) {
            Importer.importFile(p, in, ImportFormat.PROMPTS, false);
            assertThat(p.prompts().all()).extracting(Prompt::reference)
                    .containsExactly("42", "72", "Paris", "4", null);
        }
    }

    @Test
    void sftLinesReadOnlyTheReferenceKeyBecauseAnAnswerThereMayBeTheCompletion() throws Exception {
        Path in = tmp.resolve("s.jsonl");
        Files.writeString(in, """
                {"prompt":"What is 2 plus 2?","completion":"2 plus 2 is 4.","reference":"4"}
                {"prompt":"Hi","completion":"Hello!","answer":"Hello!"}
                """);
        try (Project p = Project.create(tmp.resolve("proj"))) {
            Importer.importFile(p, in, ImportFormat.SFT, false);
            List<Prompt> all = p.prompts().all();
            assertThat(all.get(0).reference()).isEqualTo("4");
            assertThat(all.get(1).reference()).isNull();
        }
    }

    @Test
    void aReferenceThatIsNeitherTextNorNumberIsNamedWithItsLine() throws Exception {
        Path in = tmp.resolve("bad.jsonl");
        Files.writeString(in, "{\"prompt\":\"q\",\"reference\":[1]}\n");
        try (Project p = Project.create(tmp.resolve("proj"))) {
            assertThatThrownBy(() -> Importer.importFile(p, in, ImportFormat.PROMPTS, false))
                    .hasMessageContaining("bad.jsonl:1: \"reference\" must be a string or a number, was array");
            assertThat(p.prompts().count()).isZero();
        }
    }

    @Test
    void theSampleProjectsArithmeticPromptsCarryTheirAnswerAndSocialOnesNone() throws Exception {
        try (Project p = Project.open(org.rlhfworkbench.jobs.SampleProjects.createAt(tmp.resolve("sample")))) {
            List<Prompt> all = p.prompts().all();
            assertThat(all).filteredOn(x -> x.text().equals("Multiply 4 by 3.")).extracting(Prompt::reference)
                    .containsExactly("12");
            assertThat(all.stream().filter(Prompt::hasReference).count()).isGreaterThan(all.size() * 3L / 4);
        }
    }
}
