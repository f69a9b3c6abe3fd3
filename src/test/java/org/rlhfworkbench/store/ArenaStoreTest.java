package org.rlhfworkbench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.ChatTurn;
import org.rlhfworkbench.core.Comparison;
import org.rlhfworkbench.core.ModelKind;
import org.rlhfworkbench.core.PreferencePair;
import org.rlhfworkbench.core.Ranking;
import org.rlhfworkbench.core.Winner;

/** Arena votes (comparison + per-criterion verdicts, undo, opt-in preference pair) and chat trees. */
class ArenaStoreTest {
    @TempDir
    Path tmp;
    Project p;
    long prompt;
    long base;
    long sft;
    long ga;
    long gb;

    @BeforeEach
    void open() {
        p = Project.create(tmp.resolve("p"));
        prompt = p.prompts().add("What is 2 plus 2?", "test");
        base = p.models().add("base", ModelKind.BASE, null, "models/1", null);
        sft = p.models().add("sft", ModelKind.SFT, base, "models/2", null);
        ga = p.generations().addImported(prompt, "four", null);
        gb = p.generations().addImported(prompt, "five", null);
    }

    @AfterEach
    void close() {
        p.close();
    }

    @Test
    void aVoteWithReasonAndCriteriaReadsBackWhole() {
        Comparison vote = new Comparison(0, prompt, base, sft, ga, gb, true, Winner.A, "human", "B is wrong",
                Map.of("helpfulness", Winner.A, "harmlessness", Winner.TIE));
        long id = p.comparisons().add(vote);
        Comparison back = p.comparisons().get(id);
        assertThat(back.reason()).isEqualTo("B is wrong");
        assertThat(back.swapped()).isTrue();
        assertThat(back.criteria()).containsExactlyInAnyOrderEntriesOf(Map.of("helpfulness", Winner.A, "harmlessness", Winner.TIE));
        assertThat(p.comparisons().all()).containsExactly(back);
        assertThat(p.comparisons().judged(prompt, sft, base, "human")).isTrue();
        assertThat(p.comparisons().judged(prompt, sft, base, "simulated:rubric")).isFalse();
    }

    @Test
    void aFailingVerdictRollsTheWholeVoteBack() {
        // a criterion verdict for a missing comparison cannot happen through add; a bad model id can
        assertThatThrownBy(() -> p.comparisons().add(new Comparison(0, prompt, base, 999, ga, gb, false, Winner.B,
                "human", null, Map.of("honesty", Winner.B)))).isInstanceOf(ProjectException.class);
        assertThat(p.comparisons().count()).isZero();
        assertThat(p.db().count("SELECT count(*) FROM comparison_criterion")).isZero();
    }

    @Test
    void aDecisiveVoteBecomesAMarkedTwoAnswerRankingAndUndoRemovesBoth() {
        long id = p.comparisons().add(new Comparison(0, prompt, base, sft, ga, gb, true, Winner.B, "human", null,
                Map.of("honesty", Winner.B)));
        long rankingId = p.comparisons().toPreference(id).orElseThrow();
        Ranking r = p.rankings().get(rankingId);
        assertThat(r.note()).isEqualTo("from arena comparison " + id);
        assertThat(r.annotator()).isEqualTo("human");
        assertThat(r.pairs()).containsExactly(new PreferencePair(gb, ga));
        assertThat(r.displayOrder()).containsExactly(gb, ga);
        assertThat(p.comparisons().toPreference(id)).isEmpty();

        p.comparisons().delete(id);
        assertThat(p.comparisons().count()).isZero();
        assertThat(p.rankings().count()).isZero();
        assertThat(p.db().count("SELECT count(*) FROM comparison_criterion")).isZero();
    }

    @Test
    void tiesAndBothBadGiveNoPreferencePair() {
        long tie = p.comparisons().add(new Comparison(0, prompt, base, sft, ga, gb, false, Winner.TIE, "human"));
        long bad = p.comparisons().add(new Comparison(0, prompt, base, sft, ga, gb, false, Winner.BOTH_BAD, "human"));
        assertThat(p.comparisons().toPreference(tie)).isEmpty();
        assertThat(p.comparisons().toPreference(bad)).isEmpty();
        assertThat(p.rankings().count()).isZero();
    }

    @Test
    void chatBranchesKeepEarlierTurns() {
        long c = p.conversations().add("Sums", base, "Be brief.");
        long u = p.conversations().addTurn(new ChatTurn(0, c, null, "user", "2+2?", null, null, null, false, null));
        long a1 = p.conversations().addTurn(new ChatTurn(0, c, u, "assistant", "5", base, prompt, ga, false, null));
        long a2 = p.conversations().addTurn(new ChatTurn(0, c, u, "assistant", "4", base, prompt, gb, false, null));
        p.conversations().flag(a1, true, "wrong");
        List<ChatTurn> turns = p.conversations().turns(c);
        assertThat(turns).extracting(ChatTurn::id).containsExactly(u, a1, a2);
        assertThat(turns.get(1).flagged()).isTrue();
        assertThat(turns.get(1).flagNote()).isEqualTo("wrong");
        assertThat(turns.get(2).parentId()).isEqualTo(u);
        assertThat(p.conversations().get(c).systemPrompt()).isEqualTo("Be brief.");
        assertThat(p.conversations().all()).hasSize(1);
    }
}
