package org.rlhfworkbench.core.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SampleGeneratorTest {
    @Test
    void sameSeedGivesTheSameDialogues() {
        assertThat(new SampleGenerator(7).uniquePrompts(50)).isEqualTo(new SampleGenerator(7).uniquePrompts(50));
    }

    @Test
    void differentSeedsGiveDifferentDialogues() {
        assertThat(new SampleGenerator(7).uniquePrompts(20)).isNotEqualTo(new SampleGenerator(8).uniquePrompts(20));
    }

    @Test
    void uniquePromptsHaveDistinctTextsAndSequentialIds() {
        List<SamplePrompt> prompts = new SampleGenerator(7).uniquePrompts(200).stream()
                .map(SampleDialogue::prompt).toList();

        assertThat(prompts).extracting(SamplePrompt::text).doesNotHaveDuplicates();
        assertThat(prompts.get(0).id()).isEqualTo("p001");
        assertThat(prompts.get(199).id()).isEqualTo("p200");
    }

    @Test
    void everyFamilyAppearsInTheSample() {
        List<String> families = SampleCorpus.standard().prompts().stream().map(SamplePrompt::family)
                .distinct().toList();

        assertThat(families).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(TaskFamily.values()).map(TaskFamily::id).collect(Collectors.toList()));
    }

    @Test
    void everyDialogueHasOneAnswerPerStyleAndTheIdealIsTheReference() {
        for (SampleDialogue d : new SampleGenerator(3).uniquePrompts(100)) {
            assertThat(d.answers()).extracting(SampleAnswer::style).containsExactly(AnswerStyle.values());
            assertThat(d.answer(AnswerStyle.IDEAL).text()).isEqualTo(d.prompt().reference());
            assertThat(d.answer(AnswerStyle.EMPTY).text()).isEmpty();
            assertThat(d.answer(AnswerStyle.RAMBLING).text().length())
                    .isGreaterThan(3 * d.answer(AnswerStyle.IDEAL).text().length());
        }
    }

    @Test
    void allTextIsPrintableAscii() {
        for (SampleDialogue d : new SampleGenerator(11).uniquePrompts(200)) {
            assertThat(d.prompt().text()).matches("[\\x20-\\x7e]+");
            d.answers().forEach(a -> assertThat(a.text()).matches("[\\x20-\\x7e]*"));
        }
    }

    @Test
    void eachFamilyCanBeAskedForDirectly() {
        SampleGenerator gen = new SampleGenerator(5);
        for (TaskFamily f : TaskFamily.values()) {
            assertThat(gen.next(f).prompt().taskFamily()).isEqualTo(f);
        }
    }
}
