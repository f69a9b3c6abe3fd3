package org.rlhfworkbench.train.rewards;

import static org.assertj.core.api.Assertions.assertThat;

import org.rlhfworkbench.core.sample.AnswerStyle;
import org.rlhfworkbench.core.sample.Rubric;
import org.rlhfworkbench.core.sample.SampleCorpus;
import org.rlhfworkbench.core.sample.SampleDialogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnswerExtractorTest {
    @ParameterizedTest(name = "[{index}] {1} vs {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            What is 7 times 6?          | 7 times 6 is 42.                    | 42     | true
            What is 7 times 6?          | 7 times 6 is 43.                    | 42     | false
            What is 7 times 6?          | Sure! It is 42, not 43.             | 42     | true
            Which is larger, 34 or 57?  | 57 is larger than 34.               | 57     | true
            Which is larger, 34 or 57?  | 34 is larger than 57.               | 57     | false
            How many meters in 1 km?    | The answer is 1,000.                | 1000   | true
            How much?                   | That costs $42.00 in total.         | 42     | true
            How much?                   | Working... #### 72                  | 72     | true
            How much?                   | \\boxed{3.50}                       | 3.5    | true
            How many letters in violin? | Violin has 6 letters.               | 6      | true
            How many letters in violin? | I am not sure.                      | 6      | false
            Capital of France?          | Paris is the capital of France.     | paris  | true
            Capital of Ireland?         | The capital of Ireland is Cork.     | dublin | false
            Spell smile backwards.      | Smile spelled backwards is elims.   | elims  | true
            Spell smile backwards.      | The answer is: elims                | elims  | true
            Capital of Ireland?         | So the answer is this: The capital of Ireland is Dublin. | dublin | true
            Capital of Ireland?         | Dublin? No, the answer is Cork.     | dublin | false
            """)
    void statesTheReferenceAnswer(String prompt, String response, String reference, boolean expected) {
        assertThat(AnswerExtractor.matches(prompt, response, reference)).isEqualTo(expected);
    }

    @Test
    void onEveryStyleOfEverySampleAnswerItAgreesWithTheRubricsVerdict() {
        // the rubric is an independent judge of "states the right answer first" (it reads accepted and wrong
        // answers, not the reference): on the 1,358 generated answers with a reference the two must agree
        Rubric rubric = new Rubric();
        int checked = 0;
        for (SampleDialogue d : SampleCorpus.standard().dialogues()) {
            String ref = SampleCorpus.referenceAnswer(d.prompt());
            if (ref == null) {
                continue;
            }
            for (AnswerStyle style : AnswerStyle.values()) {
                String text = d.answer(style).text();
                assertThat(AnswerExtractor.matches(d.prompt().text(), text, ref)).as("%s -> %s", d.prompt().text(), text)
                        .isEqualTo(rubric.score(d.prompt(), text).correct());
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(1000);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            1,000   | 1000
            $42     | 42
            42.50   | 42.5
            -3.0    | -3
            0.00    | 0
            42.     | 42
            """)
    void numbersAreNormalised(String raw, String normal) {
        assertThat(AnswerExtractor.normaliseNumber(raw)).contains(normal);
    }
}
