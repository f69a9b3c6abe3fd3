package org.rlhfworkbench.jobs.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.Comparison;
import org.rlhfworkbench.core.Generation;
import org.rlhfworkbench.core.ModelEntry;
import org.rlhfworkbench.core.ModelKind;
import org.rlhfworkbench.core.Winner;
import org.rlhfworkbench.jobs.label.LabelFixtures;
import org.rlhfworkbench.store.Project;
import org.testfx.util.WaitForAsyncUtils;

/** A human arena session over a real project and model: streamed pairs, a vote per transaction, sides stored, undo. */
class ArenaSessionTest {
    @TempDir
    Path tmp;

    @Test
    void votesByShownSideAreStoredInModelTermsAndUndoRemovesThem() throws Exception {
        try (Project p = Project.open(LabelFixtures.sampleProject(tmp))) {
            ModelEntry base = p.models().all().get(0);
            long other = p.models().add("second name", ModelKind.SFT, base.id(), base.path(), null);
            ArenaSetup setup = new ArenaSetup(List.of(base.id(), other), PromptSet.ALL, null, 4, 1f, 1f, 8, 3, "human");
            List<ArenaPlan.Matchup> plan = ArenaPlan.plan(p, setup);
            try (ArenaSession s = new ArenaSession(p, setup)) {
                ArenaPair first = s.next().orElseThrow();
                assertThat(first.promptId()).isEqualTo(plan.get(0).prompt().id());
                WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> first.left().done() && first.right().done());
                long id = s.vote(first.key(), Side.LEFT, Map.of("honesty", Side.RIGHT), " left is right ");
                Comparison c = p.comparisons().get(id);
                boolean swapped = plan.get(0).swapped();
                assertThat(c.swapped()).isEqualTo(swapped);
                assertThat(c.winner()).isEqualTo(swapped ? Winner.B : Winner.A);
                assertThat(c.criteria()).containsEntry("honesty", swapped ? Winner.A : Winner.B);
                assertThat(c.reason()).isEqualTo("left is right");
                // the left answer is the generation of the model the stored order puts there
                Generation left = p.generations().get(first.left().generationId());
                assertThat(left.modelId()).isEqualTo(swapped ? c.modelB() : c.modelA());
                assertThat(left.id()).isEqualTo(swapped ? c.generationB() : c.generationA());

                ArenaPair second = s.next().orElseThrow();
                s.skip(second.key());
                assertThat(s.progress()).isEqualTo(new ArenaProgress(1, 4, 1));
                s.undo(id);
                assertThat(p.comparisons().count()).isZero();
                assertThat(s.next()).isPresent();
                assertThat(s.next()).isPresent();
                assertThat(s.next()).isEmpty();
            }
        }
    }
}
