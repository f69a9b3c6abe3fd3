package org.rlhfworkbench.jobs.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.Comparison;
import org.rlhfworkbench.core.Generation;
import org.rlhfworkbench.core.ModelKind;
import org.rlhfworkbench.core.Prompt;
import org.rlhfworkbench.core.Winner;
import org.rlhfworkbench.store.Project;

/** Results from stored votes: people's votes first, judges' agreement on decisive votes only, JSONL export. */
class ArenaReportTest {
    @TempDir
    Path tmp;

    /** Prefers the answer that says "good"; ties when both or neither do. */
    private static final PairJudge GOOD = new PairJudge() {
        @Override
        public String name() {
            return "good-judge";
        }

        @Override
        public Optional<Winner> judge(Prompt prompt, Generation a, Generation b) {
            boolean ga = a.text().contains("good");
            boolean gb = b.text().contains("good");
            return Optional.of(ga == gb ? Winner.TIE : ga ? Winner.A : Winner.B);
        }
    };

    @Test
    void judgesAreComparedWithPeopleOnDecisiveVotesAndSimulatedVotesStayOut() throws Exception {
        try (Project p = Project.create(tmp.resolve("p"))) {
            long prompt = p.prompts().add("Say something.", "test");
            long m1 = p.models().add("one", ModelKind.SFT, null, "models/1", null);
            long m2 = p.models().add("two", ModelKind.POLICY, m1, "models/2", null);
            long good = p.generations().addImported(prompt, "a good answer", null);
            long bad = p.generations().addImported(prompt, "a poor answer", null);
            long good2 = p.generations().addImported(prompt, "another good one", null);
            // people: A (judge agrees), B (judge says A: disagrees), tie (judge says A: not compared), both good (judge tie)
            p.comparisons().add(new Comparison(0, prompt, m1, m2, good, bad, false, Winner.A, "human", "clearer",
                    Map.of("honesty", Winner.A)));
            p.comparisons().add(new Comparison(0, prompt, m1, m2, good, bad, true, Winner.B, "human"));
            p.comparisons().add(new Comparison(0, prompt, m2, m1, good, bad, false, Winner.TIE, "human"));
            p.comparisons().add(new Comparison(0, prompt, m1, m2, good, good2, false, Winner.A, "human"));
            p.comparisons().add(new Comparison(0, prompt, m1, m2, bad, good, false, Winner.A, "simulated:rubric"));

            ArenaResults r = ArenaReport.build(p, List.of(GOOD));
            assertThat(r.basis()).isEqualTo("human votes");
            assertThat(List.of(r.votes(), r.humanVotes(), r.simulatedVotes())).containsExactly(5, 4, 1);
            assertThat(r.pairs()).hasSize(1);
            ArenaResults.PairRow pair = r.pairs().get(0);
            assertThat(List.of(pair.modelA(), pair.modelB())).containsExactly("one", "two");
            assertThat(List.of(pair.winsA(), pair.winsB(), pair.ties())).containsExactly(2, 1, 1);   // the m2-first tie counts once
            assertThat(r.criteria().get("honesty")).hasSize(1);
            ArenaResults.JudgeRow judge = r.judges().get(0);
            assertThat(judge.judged()).isEqualTo(4);
            assertThat(judge.compared()).isEqualTo(2);
            assertThat(judge.agreed()).isEqualTo(1);
            assertThat(r.voteRows().get(1).left()).isEqualTo("two");   // swapped: model B was shown left
            assertThat(r.voteRows().get(0).reason()).isEqualTo("clearer");

            Path file = tmp.resolve("votes.jsonl");
            assertThat(ArenaExport.write(p, file)).isEqualTo(5);
            List<String> lines = Files.readAllLines(file);
            JsonNode first = new ObjectMapper().readTree(lines.get(0));
            assertThat(first.path("winner_model").asText()).isEqualTo("one");
            assertThat(first.path("criteria").path("honesty").asText()).isEqualTo("a");
            assertThat(first.path("simulated").asBoolean()).isFalse();
            assertThat(new ObjectMapper().readTree(lines.get(4)).path("simulated").asBoolean()).isTrue();
        }
    }
}
