package org.rlhfworkbench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.Comparison;
import org.rlhfworkbench.core.Demonstration;
import org.rlhfworkbench.core.DemonstrationSource;
import org.rlhfworkbench.core.Generation;
import org.rlhfworkbench.core.Message;
import org.rlhfworkbench.core.MetricPoint;
import org.rlhfworkbench.core.ModelEntry;
import org.rlhfworkbench.core.ModelKind;
import org.rlhfworkbench.core.Prompt;
import org.rlhfworkbench.core.Ranking;
import org.rlhfworkbench.core.RankingEntry;
import org.rlhfworkbench.core.RankingStatus;
import org.rlhfworkbench.core.Rating;
import org.rlhfworkbench.core.RunRecord;
import org.rlhfworkbench.core.RunStatus;
import org.rlhfworkbench.core.Winner;

class RepositoryRoundTripTest {
    @TempDir
    Path tmp;
    Project p;
    long prompt;

    @BeforeEach
    void open() {
        p = Project.create(tmp.resolve("p"));
        prompt = p.prompts().add("What is 2 plus 2?", List.of(Message.user("What is 2 plus 2?")), "test");
    }

    @AfterEach
    void close() {
        p.close();
    }

    @Test
    void promptRoundTrip() {
        Prompt got = p.prompts().get(prompt);
        assertThat(got).isEqualTo(new Prompt(prompt, "What is 2 plus 2?",
                List.of(Message.user("What is 2 plus 2?")), "test", "train"));
        p.prompts().setSplit(prompt, "eval");
        assertThat(p.prompts().get(prompt).split()).isEqualTo("eval");
    }

    @Test
    void generationRoundTrip() {
        long model = p.models().add("base", ModelKind.BASE, null, "models/base", null);
        Generation g = new Generation(0, prompt, "Four.", 3, model, "model", 0.5, "{\"temperature\":0.7}");
        long id = p.generations().add(g);
        assertThat(p.generations().get(id)).isEqualTo(new Generation(id, prompt, "Four.", 3, model, "model", 0.5,
                "{\"temperature\":0.7}"));
        assertThat(p.generations().forPrompt(prompt)).hasSize(1);
    }

    @Test
    void rankingRoundTripKeepsTiesUnrankedStatusAndShownOrder() {
        long a = p.generations().addImported(prompt, "a", null);
        long b = p.generations().addImported(prompt, "b", null);
        long c = p.generations().addImported(prompt, "c", null);
        Ranking r = new Ranking(0, prompt, RankingStatus.RANKED, "note", "human",
                List.of(new RankingEntry(a, 1), new RankingEntry(b, 1), new RankingEntry(c, null)), List.of(c, a, b));
        long id = p.rankings().add(r);
        Ranking got = p.rankings().get(id);
        assertThat(got.entries()).containsExactly(new RankingEntry(a, 1), new RankingEntry(b, 1),
                new RankingEntry(c, null));
        assertThat(got.displayOrder()).containsExactly(c, a, b);
        assertThat(got.note()).isEqualTo("note");
        assertThat(p.rankings().pairCount()).isEqualTo(2);

        p.rankings().replace(id, new Ranking(id, prompt, RankingStatus.FLAGGED, "odd", "human",
                List.of(new RankingEntry(a, 1)), List.of(a)));
        assertThat(p.rankings().get(id).status()).isEqualTo(RankingStatus.FLAGGED);
        assertThat(p.rankings().pairCount()).isZero();
    }

    @Test
    void aRankingWithABadEntryIsNotHalfWritten() {
        long a = p.generations().addImported(prompt, "a", null);
        Ranking bad = new Ranking(0, prompt, RankingStatus.RANKED, null, "human",
                List.of(new RankingEntry(a, 1), new RankingEntry(424242, 2)), List.of());
        assertThatThrownBy(() -> p.rankings().add(bad)).isInstanceOf(ProjectException.class);
        assertThat(p.rankings().count()).isZero();
        assertThat(p.db().count("SELECT count(*) FROM ranking_entry")).isZero();
    }

    @Test
    void ratingRoundTripAndRangeCheck() {
        long g = p.generations().addImported(prompt, "a", null);
        long id = p.ratings().add(g, "helpfulness", 4, "human");
        assertThat(p.ratings().forGeneration(g)).containsExactly(new Rating(id, g, "helpfulness", 4, "human"));
        assertThatThrownBy(() -> p.ratings().add(g, "honesty", 6, "human")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void demonstrationRoundTrip() {
        long g = p.generations().addImported(prompt, "Five.", null);
        long id = p.demonstrations().add(prompt, "Four.", DemonstrationSource.CORRECTION, g);
        assertThat(p.demonstrations().all()).containsExactly(
                new Demonstration(id, prompt, "Four.", DemonstrationSource.CORRECTION, g));
    }

    @Test
    void modelRunMetricAndComparisonRoundTrip() {
        long run = p.runs().add("sft", "{\"lr\":1e-4}", 42);
        long base = p.models().add("base", ModelKind.BASE, null, "models/1", null);
        long sft = p.models().add("sft-1", ModelKind.SFT, base, "models/2", run);
        assertThat(p.models().get(sft)).isEqualTo(new ModelEntry(sft, "sft-1", ModelKind.SFT, base, "models/2", run));

        p.runs().setStatus(run, RunStatus.RUNNING, null);
        p.runs().setStatus(run, RunStatus.FAILED, "NaN loss at step 3");
        RunRecord r = p.runs().get(run);
        assertThat(r.seed()).isEqualTo(42);
        assertThat(r.status()).isEqualTo(RunStatus.FAILED);
        assertThat(r.error()).isEqualTo("NaN loss at step 3");
        assertThat(r.startedAt()).isNotNull();
        assertThat(r.finishedAt()).isNotNull();

        p.metrics().add(run, List.of(new MetricPoint(1, "loss", 2.5), new MetricPoint(2, "loss", 2.0),
                new MetricPoint(2, "lr", 1e-4)));
        assertThat(p.metrics().series(run, "loss")).extracting(MetricPoint::value).containsExactly(2.5, 2.0);
        assertThat(p.metrics().forRun(run)).hasSize(3);

        long ga = p.generations().addImported(prompt, "a", null);
        long gb = p.generations().addImported(prompt, "b", null);
        long cid = p.comparisons().add(new Comparison(0, prompt, base, sft, ga, gb, true, Winner.BOTH_BAD, "human"));
        assertThat(p.comparisons().all()).containsExactly(
                new Comparison(cid, prompt, base, sft, ga, gb, true, Winner.BOTH_BAD, "human"));
        assertThat(p.counts().comparisons()).isEqualTo(1);
    }
}
