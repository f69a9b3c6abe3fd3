package org.rlhfworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.sample.AnswerStyle;
import org.rlhfworkbench.core.sample.SampleDialogue;
import org.rlhfworkbench.core.sample.SampleGenerator;
import org.rlhfworkbench.jobs.SampleProjects;

class TrainCommandsTest {
    @TempDir
    Path home;

    /** RLHFlow lines: ideal > curt > wrong-rude answers of generated prompts. */
    static Path rankings(Path dir, int n) throws Exception {
        SampleGenerator gen = new SampleGenerator(5);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            SampleDialogue d = gen.next();
            lines.add("{\"prompt\":" + q(d.prompt().text()) + ",\"responses\":[" + q(d.answer(AnswerStyle.IDEAL).text())
                    + "," + q(d.answer(AnswerStyle.CURT).text()) + "," + q(d.answer(AnswerStyle.WRONG_RUDE).text())
                    + "],\"rewards\":[2,1,0]}");
        }
        Path f = dir.resolve("ranked.jsonl");
        Files.write(f, lines);
        return f;
    }

    static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    @Test
    void sftRewardEvalAndRunsFromTheCommandLine() throws Exception {
        String dir = SampleProjects.ensureSample(home).toString();
        assertThat(CliTest.run("import", dir, rankings(home, 60).toString(), "--format", "rlhflow").code()).isZero();

        CliTest.Result sft = CliTest.run("sft", dir, "--epochs", "1", "--seed", "4");
        assertThat(sft.code()).as(sft.err()).isZero();
        assertThat(sft.out()).contains("run 1: done").contains("eval/loss").contains("models/sft-1");

        CliTest.Result rm = CliTest.run("reward", dir, "--epochs", "2", "--lr", "2e-4");
        assertThat(rm.code()).as(rm.err()).isZero();
        assertThat(rm.out()).contains("run 2: done").contains("held-out pairwise accuracy");

        CliTest.Result eval = CliTest.run("reward-eval", dir, "--json");
        assertThat(eval.code()).as(eval.err()).isZero();
        assertThat(eval.out()).contains("\"accuracy\":").contains("\"model\":3");

        CliTest.Result runs = CliTest.run("runs", dir);
        assertThat(runs.out()).contains("run 1  sft").contains("run 2  reward").contains("eval/accuracy");
    }

    @Test
    void resumingAnUnknownRunFailsWithOneLine() throws Exception {
        String dir = SampleProjects.ensureSample(home).toString();
        CliTest.Result r = CliTest.run("sft", dir, "--resume", "99");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("error: no run 99 in " + Path.of(dir).toAbsolutePath().normalize());
    }
}
