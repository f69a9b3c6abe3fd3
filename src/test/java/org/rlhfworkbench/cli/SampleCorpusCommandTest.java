package org.rlhfworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SampleCorpusCommandTest {
    @TempDir
    Path tmp;

    @Test
    void writesTheCommittedSampleFilesAndOptionallyThePretrainingText() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cmd = new CommandLine(new SampleCorpusCommand());
        cmd.setOut(new PrintWriter(out, true));

        int code = cmd.execute(tmp.resolve("out").toString(),
                "--pretrain-corpus", tmp.resolve("corpus.txt").toString());

        assertThat(code).isZero();
        Path committed = Path.of("sample-projects", "assistant");
        assertThat(tmp.resolve("out/prompts.jsonl")).hasSameBinaryContentAs(committed.resolve("prompts.jsonl"));
        assertThat(tmp.resolve("out/sft.jsonl")).hasSameBinaryContentAs(committed.resolve("sft.jsonl"));
        assertThat(Files.readString(tmp.resolve("corpus.txt"))).startsWith("User: ");
        assertThat(out.toString()).contains("80 prompts").contains("120 demonstrations");
    }
}
