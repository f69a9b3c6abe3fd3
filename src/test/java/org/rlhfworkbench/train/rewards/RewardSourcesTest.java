package org.rlhfworkbench.train.rewards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RewardSourcesTest {
    static Episode episode(String prompt, String reference, String answer, int tokens, boolean eos) {
        return new Episode(new EpisodePrompt(1, prompt, reference, Map.of(), new int[] {1}), answer, new int[tokens],
                eos);
    }

    /** A source that returns fixed scores. */
    record Fixed(String name, double... values) implements RewardSource {
        @Override
        public double[] score(List<Episode> episodes) {
            return values.clone();
        }
    }

    @Test
    void exactAnswerIsOneWhenTheStatedAnswerEqualsTheReferenceAndZeroWithoutAReference() {
        List<Episode> e = List.of(episode("What is 7 times 6?", "42", "7 times 6 is 42.", 5, true),
                episode("What is 7 times 6?", "42", "7 times 6 is 48.", 5, true),
                episode("Hello!", null, "Hi there!", 3, true));
        assertThat(new ExactAnswerSource().score(e)).containsExactly(1, 0, 0);
    }

    @Test
    void theFormatSourceWantsWholeSentences() {
        List<Episode> e = List.of(episode("q", null, "Sure! 7 times 6 is 42.", 5, true),
                episode("q", null, "7 times 6 is", 5, false), episode("q", null, "", 0, true));
        assertThat(RegexSource.format().score(e)).containsExactly(1, 0, 0);
    }

    @Test
    void theLengthPenaltyCostsOnePerTargetsWorthOfTokensOverTheTarget() {
        // target 8: 6 tokens -> 0; 12 tokens -> -(12 - 8) / 8 = -0.5; 24 -> -2
        List<Episode> e = List.of(episode("q", null, "a", 6, true), episode("q", null, "a", 12, true),
                episode("q", null, "a", 24, false));
        assertThat(new LengthPenaltySource(8).score(e)).containsExactly(0, -0.5, -2);
    }

    @Test
    void theRubricIsMarkedAsTheSimulatedJudgeAndScoresSamplePromptsOnly() {
        RubricSource r = new RubricSource();
        assertThat(r.simulatedJudge()).isTrue();
        double[] s = r.score(List.of(episode("Multiply 4 by 3.", "12", "Sure! 4 times 3 is 12.", 6, true),
                episode("Multiply 4 by 3.", "12", "4 times 3 is 13.", 6, true),
                episode("not a sample prompt", null, "whatever", 2, true)));
        assertThat(s[0]).isEqualTo(5.0);   // correct (4) + polite (1)
        assertThat(s[1]).isEqualTo(-1.0);  // wrong (-1), neutral
        assertThat(s[2]).isZero();
    }

    @Test
    void eachSourceIsNormalisedOnItsOwnThenWeightedAndSummed() {
        // a = [1, 0, 0, 1]: mean 0.5, sample std sqrt(4 * 0.25 / 3) = 0.57735, z = +-0.5 / 0.57735 = +-0.866025
        // b = [2, 2, 2, 2]: std 0, so z = 0 (a constant source carries no signal)
        // reward = 1 * z_a + 3 * z_b; reported = 1 * a + 3 * b = [7, 6, 6, 7]
        RewardMix mix = new RewardMix(List.of(new RewardMix.Weighted(new Fixed("a", 1, 0, 0, 1), 1),
                new RewardMix.Weighted(new Fixed("b", 2, 2, 2, 2), 3)), true);
        RewardMix.Scores s = mix.score(List.of(episode("q", null, "x", 1, true), episode("q", null, "x", 1, true),
                episode("q", null, "x", 1, true), episode("q", null, "x", 1, true)));
        assertThat(s.reward()).containsExactly(new double[] {0.866025, -0.866025, -0.866025, 0.866025}, within(1e-6));
        assertThat(s.reported()).containsExactly(7, 6, 6, 7);
        assertThat(s.bySource()).containsOnlyKeys("a", "b");
        assertThat(s.bySource().get("b")).containsExactly(2, 2, 2, 2);
    }

    @Test
    void withoutNormalisationTheRewardIsTheWeightedRawSum() {
        RewardMix mix = new RewardMix(List.of(new RewardMix.Weighted(new Fixed("a", 1, 0), 2),
                new RewardMix.Weighted(new Fixed("b", 3, 5), 0.5)), false);
        RewardMix.Scores s = mix.score(List.of(episode("q", null, "x", 1, true), episode("q", null, "x", 1, true)));
        assertThat(s.reward()).containsExactly(3.5, 2.5);  // 2*1 + 0.5*3, 2*0 + 0.5*5
    }
}
