package org.rlhfworkbench.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.Demonstration;
import org.rlhfworkbench.core.DemonstrationSource;
import org.rlhfworkbench.core.Prompt;
import org.rlhfworkbench.core.sample.SampleCorpus;
import org.rlhfworkbench.core.sample.SamplePrompt;
import org.rlhfworkbench.store.Project;

class SampleProjectsTest {
    @TempDir
    Path home;

    @Test
    void createsTheSampleWithTwoHundredPromptsAndTheirDemonstrations() {
        Path dir = SampleProjects.ensureSample(home);

        assertThat(dir).isEqualTo(home.toAbsolutePath().resolve("projects/assistant-sample"));
        try (Project p = Project.open(dir)) {
            SampleCorpus corpus = SampleCorpus.standard();
            assertThat(p.prompts().all()).extracting(Prompt::text).containsExactlyInAnyOrderElementsOf(
                    corpus.prompts().stream().map(SamplePrompt::text).toList());
            List<Demonstration> demos = p.demonstrations().all();
            assertThat(demos).hasSize(120).allMatch(d -> d.source() == DemonstrationSource.IMPORT);
            for (Demonstration d : demos) {
                SamplePrompt sp = corpus.find(p.prompts().get(d.promptId()).text()).orElseThrow();
                assertThat(d.text()).isEqualTo(org.rlhfworkbench.core.sample.SampleCorpus.demonstration(sp));
            }
        }
    }

    @Test
    void marksTheProjectAsTheSampleWithSimulatedLabels() {
        try (Project p = Project.open(SampleProjects.ensureSample(home))) {
            assertThat(p.name()).isEqualTo("assistant-sample");
            assertThat(p.meta().get("sample")).isEqualTo("assistant");
            assertThat(p.meta().get("annotator_note")).contains("simulated");
        }
    }

    @Test
    void aSecondCallKeepsTheExistingProjectAndItsEdits() {
        Path dir = SampleProjects.ensureSample(home);
        try (Project p = Project.open(dir)) {
            p.prompts().add("my own prompt", "written");
        }

        assertThat(SampleProjects.ensureSample(home)).isEqualTo(dir);
        try (Project p = Project.open(dir)) {
            assertThat(p.prompts().count()).isEqualTo(201);
        }
    }

    @Test
    void leavesNoTemporaryFolderBehind() throws IOException {
        SampleProjects.ensureSample(home);

        try (Stream<Path> entries = Files.list(home.resolve("projects"))) {
            assertThat(entries.map(e -> e.getFileName().toString())).containsExactly("assistant-sample");
        }
    }

    @Test
    void fillsAnEmptySampleFolderLeftByAnOlderBuild() {
        Path dir = home.resolve("projects/assistant-sample");
        Project.create(dir).close();

        SampleProjects.ensureSample(home);

        try (Project p = Project.open(dir)) {
            assertThat(p.prompts().count()).isEqualTo(200);
            assertThat(p.meta().get("sample")).isEqualTo("assistant");
        }
    }
}
