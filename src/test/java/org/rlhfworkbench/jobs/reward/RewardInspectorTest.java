package org.rlhfworkbench.jobs.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.jobs.run.RewardEvaluation;
import org.rlhfworkbench.store.Project;
import org.rlhfworkbench.train.data.Order;

/** A real reward model on the sample project: inspection agrees with reward-eval and with scoring one text. */
class RewardInspectorTest {
    @TempDir
    Path home;

    @Test
    void inspectsTheHeldOutSplitOfItsRunAndScoresTypedTextTheSameWay() throws Exception {
        Path dir = RewardFixtures.rankedSample(home, 40);
        try (Project p = Project.open(dir)) {
            RewardFixtures.trainRewardModel(p);
            RewardEvaluation.Result eval = RewardEvaluation.onProject(p, null);
            try (RewardInspector inspector = RewardInspector.open(p, null)) {
                RewardInspection r = inspector.inspect();

                assertThat(inspector.seed()).isEqualTo(RewardFixtures.SMALL.seed());
                assertThat(inspector.valFraction()).isEqualTo(RewardFixtures.SMALL.valFraction());
                assertThat(r.prompts()).isNotEmpty().hasSize(eval.prompts())
                        .allMatch(pr -> Order.heldOut(pr.promptId(), inspector.seed(), inspector.valFraction()));
                assertThat(r.overall().pairs()).isEqualTo(eval.eval().pairs()).isEqualTo(3 * r.prompts().size());
                assertThat(r.byK()).extracting(RewardInspection.Accuracy::group).containsExactly("K = 3");

                RewardInspection.PromptResult first = r.prompts().get(0);
                RewardInspection.ResponseResult best = first.responses().stream().filter(x -> x.rank() == 1)
                        .findFirst().orElseThrow();
                assertThat(inspector.score(first.promptId(), best.text())).isCloseTo(best.score(), within(1e-4));
                assertThat(inspector.prompts()).hasSize((int) p.prompts().count());
            }
        }
    }
}
