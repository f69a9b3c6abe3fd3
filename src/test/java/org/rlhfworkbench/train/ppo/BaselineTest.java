package org.rlhfworkbench.train.ppo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BaselineTest {
    @Test
    void eachScoreLosesTheMeanOfItsPromptsOtherAnswers() {
        // prompt 1: 1, 2, 6 -> 1 - (2+6)/2 = -3, 2 - (1+6)/2 = -1.5, 6 - (1+2)/2 = 4.5
        // prompt 2: 0, 0, 3 -> -1.5, -1.5, 3
        float[] out = Baseline.leaveOneOut(new float[] {1, 2, 6, 0, 0, 3}, 3);
        assertThat(out).containsExactly(new float[] {-3f, -1.5f, 4.5f, -1.5f, -1.5f, 3f}, within(1e-6f));
    }

    @Test
    void aPromptWhoseAnswersAllScoreTheSameTeachesNothing() {
        assertThat(Baseline.leaveOneOut(new float[] {2.5f, 2.5f, 2.5f, 2.5f}, 4)).containsOnly(0f);
    }

    @Test
    void oneAnswerPerPromptKeepsTheScores() {
        float[] s = {0.5f, -1f};
        assertThat(Baseline.leaveOneOut(s, 1)).containsExactly(0.5f, -1f).isNotSameAs(s);
    }

    @Test
    void scoresThatDoNotSplitIntoGroupsAreRefused() {
        assertThatThrownBy(() -> Baseline.leaveOneOut(new float[5], 2)).hasMessageContaining("groups of 2");
    }
}
