package org.rlhfworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.Ranking;
import org.rlhfworkbench.core.RankingStatus;
import org.rlhfworkbench.core.sample.Rubric;
import org.rlhfworkbench.core.sample.SampleCorpus;
import org.rlhfworkbench.core.sample.SamplePrompt;
import org.rlhfworkbench.jobs.label.LabelConfig;
import org.rlhfworkbench.jobs.label.LabelFixtures;
import org.rlhfworkbench.store.Project;

/** `rlhf label DIR --annotator rubric`: the simulated annotator on the sample project. */
class LabelCommandTest {
    @TempDir
    static Path shared;
    static Path built;

    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
    }

    @BeforeAll
    static void buildSample() {
        built = LabelFixtures.sampleProject(shared);
        try (Project p = Project.open(built)) {
            p.meta().put(LabelConfig.META_MAX_NEW_TOKENS, "16");
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RlhfCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void labelsThreePromptsWithTheRubricAndSaysTheLabelsAreSimulated() {
        Path dir = LabelFixtures.copy(built, tmp.resolve("p"));
        Result r = run("label", dir.toString(), "--annotator", "rubric", "--prompts", "3", "-k", "3", "--batch", "2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("labeled 2/3 prompts", "labeled 3/3 prompts", "SIMULATED", "simulated:rubric",
                "not from a person");
        try (Project p = Project.open(dir)) {
            List<Ranking> rankings = p.rankings().all();
            assertThat(rankings).hasSize(3).allMatch(x -> x.annotator().equals(Rubric.ANNOTATOR))
                    .allMatch(x -> x.status() == RankingStatus.RANKED);
            Rubric rubric = new Rubric();
            for (Ranking x : rankings) {
                assertThat(x.entries()).hasSize(3).allMatch(e -> e.rank() != null);
                assertThat(x.displayOrder()).hasSize(3);
                SamplePrompt facts = SampleCorpus.standard().find(p.prompts().get(x.promptId()).text()).orElseThrow();
                List<String> texts = x.displayOrder().stream().map(id -> p.generations().get(id).text()).toList();
                List<Integer> expected = rubric.rank(facts, texts);
                for (int i = 0; i < 3; i++) {
                    long id = x.displayOrder().get(i);
                    Integer rank = expected.get(i);
                    assertThat(x.entries()).anyMatch(e -> e.generationId() == id && e.rank().equals(rank));
                }
                assertThat(p.ratings().forRanking(x.id())).hasSize(9).allMatch(v -> v.annotator().equals(Rubric.ANNOTATOR));
            }
            assertThat(p.prompts().unrankedIds(1)).doesNotContain(rankings.get(0).promptId());
        }
    }

    @Test
    void promptsNotFromTheSampleAreSkippedWithACount() {
        Path dir = LabelFixtures.copy(built, tmp.resolve("p"));
        long mine;
        try (Project p = Project.open(dir)) {
            mine = p.prompts().add("A question the rubric has never seen?", "manual");
        }
        Result r = run("label", dir.toString(), "--annotator", "rubric", "--prompts", "1", "-k", "2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("skipped 1 unlabeled prompts that are not from the sample corpus");
        try (Project p = Project.open(dir)) {
            assertThat(p.rankings().forPrompt(mine)).isEmpty();
            assertThat(p.rankings().count()).isEqualTo(1);
        }
    }

    @Test
    void badUsageExitsWithTwoAndAMissingProjectWithOne() {
        Path dir = tmp.resolve("none");
        assertThat(run("label", dir.toString()).code()).isEqualTo(2);
        Result human = run("label", dir.toString(), "--annotator", "human");
        assertThat(human.code()).isEqualTo(2);
        assertThat(human.err()).contains("unknown annotator 'human'");
        assertThat(run("label", dir.toString(), "--annotator", "rubric", "-k", "12").code()).isEqualTo(2);
        Result missing = run("label", dir.toString(), "--annotator", "rubric");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err().strip()).startsWith("error: ").contains("project.db is missing").doesNotContain("\n");
    }
}
