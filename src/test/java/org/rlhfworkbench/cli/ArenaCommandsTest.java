package org.rlhfworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.Comparison;
import org.rlhfworkbench.core.ModelEntry;
import org.rlhfworkbench.core.ModelKind;
import org.rlhfworkbench.core.sample.Rubric;
import org.rlhfworkbench.jobs.label.LabelConfig;
import org.rlhfworkbench.jobs.label.LabelFixtures;
import org.rlhfworkbench.store.Project;

/** `rlhf arena` (simulated votes) then `rlhf eval-report` (text, JSON, export, preference pairs). */
class ArenaCommandsTest {
    @TempDir
    static Path shared;
    static Path built;
    static long modelA;
    static long modelB;

    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
    }

    @BeforeAll
    static void buildSample() {
        built = LabelFixtures.sampleProject(shared);
        try (Project p = Project.open(built)) {
            p.meta().put(LabelConfig.META_MAX_NEW_TOKENS, "12");
            ModelEntry base = p.models().all().get(0);
            modelA = base.id();
            modelB = p.models().add("same weights, second name", ModelKind.SFT, base.id(), base.path(), null);
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RlhfCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void simulatedArenaVotesAreMarkedAndTheReportCountsThem() throws Exception {
        Path dir = LabelFixtures.copy(built, tmp.resolve("p"));
        Result r = run("arena", dir.toString(), "--models", modelA + "," + modelB, "--prompts", "6", "--set", "all",
                "--max-new-tokens", "12");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("6 simulated votes (simulated:rubric)");
        try (Project p = Project.open(dir)) {
            List<Comparison> all = p.comparisons().all();
            assertThat(all).hasSize(6).allMatch(c -> c.annotator().equals(Rubric.ANNOTATOR))
                    .allMatch(c -> c.criteria().keySet().containsAll(List.of("helpfulness", "honesty")));
            assertThat(all).extracting(Comparison::swapped).contains(true, false);
        }

        Result report = run("eval-report", dir.toString(), "--export", tmp.resolve("votes.csv").toString());
        assertThat(report.code()).as(report.err()).isZero();
        assertThat(report.out()).contains("6 votes (0 human, 6 simulated); tables count simulated votes",
                "95% Wilson", "criterion helpfulness", "judged by rubric: 6 pairs");
        List<String> csv = Files.readAllLines(tmp.resolve("votes.csv"));
        assertThat(csv.get(0)).startsWith("id,prompt,model_a,model_b,answer_a,answer_b,left,winner,winner_model,annotator")
                .contains("criterion_helpfulness");
        assertThat(csv.stream().filter(l -> l.contains(",simulated:rubric,true,"))).hasSize(6);

        Result json = run("eval-report", dir.toString(), "--json", "--reward-model", "none", "--to-preferences");
        assertThat(json.code()).as(json.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertThat(root.path("votes").asInt()).isEqualTo(6);
        JsonNode pair = root.path("pairs").get(0);
        assertThat(pair.path("votes").asInt()).isEqualTo(6);
        double expected = (pair.path("winsA").asInt() + 0.5 * (pair.path("ties").asInt() + pair.path("bothBad").asInt())) / 6;
        assertThat(pair.path("winRateA").asDouble()).isEqualTo(expected);
        // the rubric judging its own simulated votes agrees on every decisive one
        JsonNode rubric = root.path("judges").get(0);
        assertThat(rubric.path("agreed").asInt()).isEqualTo(rubric.path("compared").asInt());
        try (Project p = Project.open(dir)) {
            long decisive = p.comparisons().all().stream()
                    .filter(c -> c.winner() == org.rlhfworkbench.core.Winner.A || c.winner() == org.rlhfworkbench.core.Winner.B)
                    .count();
            assertThat(p.rankings().all()).hasSize((int) decisive)
                    .allMatch(x -> x.note().startsWith("from arena comparison ") && x.annotator().equals(Rubric.ANNOTATOR));
        }
    }
}
