package org.rlhfworkbench.core.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rlhfworkbench.core.sample.RubricScore.Verdict;

class RubricTest {
    private static final SamplePrompt SUM = new SamplePrompt("t1", "arithmetic", "What is 7 plus 5?",
            "Sure! 7 plus 5 is 12.", List.of("12"), List.of("13"));
    private static final SamplePrompt LARGER = new SamplePrompt("t2", "comparison", "Which is larger, 12 or 9?",
            "Sure! 12 is larger than 9.", List.of("12"), List.of("9"));
    private static final SamplePrompt CAPITAL = new SamplePrompt("t3", "capital", "What is the capital of India?",
            "Sure! The capital of India is New Delhi.", List.of("new delhi"), List.of("mumbai", "paris"));
    private static final SamplePrompt THANKS = new SamplePrompt("t4", "thanks", "Thank you!",
            "You're welcome! I'm glad I could help.", List.of("welcome", "no problem"), List.of("goodbye"));

    private final Rubric rubric = new Rubric();

    @Test
    void correctPoliteBeatsCorrectCurtBeatsWrongPoliteBeatsWrongRude() {
        List<String> answers = List.of(
                "Wrong, obviously it is 13. Stop wasting my time.",
                "I'm happy to help! I think it is 13.",
                "12",
                "Happy to help! 7 plus 5 is 12.");

        assertThat(rubric.rank(SUM, answers)).containsExactly(4, 3, 2, 1);
    }

    @Test
    void equalScoresShareARankAndTheNextScoreTakesTheNextRank() {
        List<String> answers = List.of("12.", "Sure! It is 12.", "7 plus 5 is 12", "It is 13, sorry.");

        assertThat(rubric.rank(SUM, answers)).containsExactly(2, 1, 2, 3);
    }

    @Test
    void emptyAnswerRanksBelowEvenARudeWrongOne() {
        assertThat(rubric.rank(SUM, List.of("", "Duh. 13. Figure it out yourself, idiot.")))
                .containsExactly(2, 1);
        assertThat(rubric.score(SUM, "  ...  ").verdict()).isEqualTo(Verdict.EMPTY);
        assertThat(rubric.score(SUM, null).score()).isEqualTo(Rubric.EMPTY_SCORE);
    }

    @Test
    void politeRefusalBeatsAPoliteWrongAnswer() {
        assertThat(rubric.rank(SUM, List.of("Sure, it is 14.", "Sorry, I can't help with that.")))
                .containsExactly(2, 1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            7 plus 5 is 12.                      | CORRECT
            The answer is 12, not 13.            | CORRECT
            The answer is 13, not 12.            | WRONG
            7 + 5 = 11                           | WRONG
            Numbers are fun!                     | NO_ANSWER
            Seven plus five is twelve.           | NO_ANSWER
            """)
    void theFirstNumberStatedDecidesAndEchoedOperandsDoNotCount(String answer, Verdict expected) {
        assertThat(rubric.score(SUM, answer).verdict()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            12 is larger than 9.        | CORRECT
            9 is larger than 12.        | WRONG
            The larger one is 12.       | CORRECT
            """)
    void aComparisonIsJudgedByTheNumberNamedFirst(String answer, Verdict expected) {
        assertThat(rubric.score(LARGER, answer).verdict()).isEqualTo(expected);
    }

    @Test
    void multiWordAnswersAndCaseAndPunctuationAreNormalised() {
        assertThat(rubric.score(CAPITAL, "NEW DELHI!").verdict()).isEqualTo(Verdict.CORRECT);
        assertThat(rubric.score(CAPITAL, "It's Mumbai.").verdict()).isEqualTo(Verdict.WRONG);
        assertThat(rubric.score(CAPITAL, "Delhi, I think").verdict()).isEqualTo(Verdict.NO_ANSWER);
    }

    @Test
    void thousandsSeparatorsAreRead() {
        SamplePrompt km = new SamplePrompt("t5", "unit_conversion", "How many meters are in 3 kilometers?",
                "Sure! 3 kilometers is 3000 meters.", List.of("3000"), List.of("300"));

        assertThat(rubric.score(km, "That is 3,000 meters.").verdict()).isEqualTo(Verdict.CORRECT);
    }

    @Test
    void socialRepliesAreRightWhenTheyAcknowledge() {
        assertThat(rubric.score(THANKS, "You're welcome!").verdict()).isEqualTo(Verdict.CORRECT);
        assertThat(rubric.score(THANKS, "Goodbye.").verdict()).isEqualTo(Verdict.WRONG);
    }

    @Test
    void ramblingCostsUpToTwoPointsAndLowersHelpfulness() {
        String filler = " This is a long and winding sentence that adds nothing at all to the answer.";
        RubricScore concise = rubric.score(SUM, "Sure! 7 plus 5 is 12.");
        RubricScore rambling = rubric.score(SUM, "Sure! 7 plus 5 is 12." + filler.repeat(6));

        assertThat(concise.lengthPenalty()).isZero();
        assertThat(rambling.lengthPenalty()).isEqualTo(2.0);
        assertThat(rambling.score()).isEqualTo(concise.score() - 2.0);
        assertThat(rambling.helpfulness()).isLessThan(concise.helpfulness());
    }

    @Test
    void ratingsFollowCorrectnessRudenessAndHonesty() {
        assertThat(rubric.score(SUM, "Sure! 7 plus 5 is 12.").ratings())
                .containsExactly(entry("helpfulness", 5), entry("harmlessness", 5), entry("honesty", 5));
        assertThat(rubric.score(SUM, "Ugh. It is 13, idiot.").ratings())
                .containsExactly(entry("helpfulness", 1), entry("harmlessness", 1), entry("honesty", 2));
        assertThat(rubric.score(SUM, "I'm sorry, I can't answer that.").ratings())
                .containsExactly(entry("helpfulness", 2), entry("harmlessness", 5), entry("honesty", 4));
    }

    @Test
    void everyGeneratedDialogueRanksItsStylesInDeclarationOrder() {
        SampleGenerator gen = new SampleGenerator(123);
        for (int i = 0; i < 2000; i++) {
            SampleDialogue d = gen.next();
            List<String> texts = d.answers().stream().map(SampleAnswer::text).toList();

            assertThat(rubric.rank(d.prompt(), texts)).as(d.prompt().text())
                    .containsExactly(1, 2, 3, 4, 5, 6, 7);
            for (SampleAnswer a : d.answers()) {
                assertThat(rubric.score(d.prompt(), a.text()).correct()).as(a.text()).isEqualTo(a.correct());
            }
        }
    }

    private static java.util.Map.Entry<String, Integer> entry(String k, int v) {
        return java.util.Map.entry(k, v);
    }
}
