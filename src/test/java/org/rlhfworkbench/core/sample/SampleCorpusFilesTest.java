package org.rlhfworkbench.core.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed sample data is provably the generator's output, byte for byte. */
class SampleCorpusFilesTest {
    private static final Path COMMITTED = Path.of("sample-projects", "assistant");

    @Test
    void committedPromptsFileIsTheGeneratorsOutput() throws IOException {
        assertThat(Files.readAllBytes(COMMITTED.resolve(SampleCorpus.PROMPTS_FILE)))
                .as("regenerate with: ./rlhf sample-corpus sample-projects/assistant")
                .isEqualTo(SampleCorpus.standard().promptsJsonl().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void committedSftFileIsTheGeneratorsOutput() throws IOException {
        assertThat(Files.readAllBytes(COMMITTED.resolve(SampleCorpus.SFT_FILE)))
                .as("regenerate with: ./rlhf sample-corpus sample-projects/assistant")
                .isEqualTo(SampleCorpus.standard().sftJsonl().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void writeFilesReproducesTheCommittedFiles(@TempDir Path out) throws IOException {
        SampleCorpus.writeFiles(out);

        for (String name : new String[] {SampleCorpus.PROMPTS_FILE, SampleCorpus.SFT_FILE}) {
            assertThat(out.resolve(name)).hasSameBinaryContentAs(COMMITTED.resolve(name));
        }
    }
}
