package org.rlhfworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RlhfCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void newImportInfoExportRoundTrip() throws Exception {
        String dir = tmp.resolve("p").toString();
        Path data = tmp.resolve("prefs.jsonl");
        Files.writeString(data, """
                {"prompt":"Q1","responses":["a","b","c"],"rewards":[3,2,1]}
                """);
        assertThat(run("project", "new", dir).code()).isZero();
        Result imp = run("import", dir, data.toString(), "--format", "rlhflow");
        assertThat(imp.code()).as(imp.err()).isZero();
        assertThat(imp.out()).contains("1 prompts, 3 responses, 1 rankings");

        Result info = run("project", "info", dir, "--json");
        assertThat(info.code()).isZero();
        assertThat(info.out()).contains("\"prompts\":1", "\"generations\":3", "\"rankings\":1", "\"pairs\":3",
                "\"demonstrations\":0", "\"models\":0", "\"runs\":0");
        assertThat(run("project", "info", dir).out()).containsPattern("pairs\\s+3");

        Path out = tmp.resolve("out.jsonl");
        Result exp = run("export", dir, out.toString(), "--format", "trl");
        assertThat(exp.code()).isZero();
        assertThat(Files.readAllLines(out)).hasSize(3);
    }

    @Test
    void badUsageExitsWithTwo() {
        assertThat(run().code()).isEqualTo(2);
        assertThat(run("import", "only-one-arg").code()).isEqualTo(2);
        Result bad = run("export", tmp.toString(), "f.jsonl", "--format", "csv");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown export format 'csv'");
    }

    @Test
    void failureExitsWithOneAndOneClearLine() throws Exception {
        Result missing = run("project", "info", tmp.resolve("nowhere").toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err().strip()).startsWith("error: ").contains("project.db is missing")
                .doesNotContain("\n").doesNotContain("Exception");

        String dir = tmp.resolve("p").toString();
        run("project", "new", dir);
        Path bad = tmp.resolve("bad.jsonl");
        Files.writeString(bad, "{\"prompt\":\"x\",\"completion\":\"y\"}\n{\"prompt\": 3}\n");
        Result imp = run("import", dir, bad.toString(), "--format", "sft");
        assertThat(imp.code()).isEqualTo(1);
        assertThat(imp.err()).contains("bad.jsonl:2: \"prompt\" must be a string");
        assertThat(run("project", "info", dir, "--json").out()).contains("\"prompts\":0");
    }
}
