package org.rlhfworkbench.core.sample;

import java.util.List;

/** A generated prompt with one answer of every {@link AnswerStyle}, in declaration order. */
public record SampleDialogue(SamplePrompt prompt, List<SampleAnswer> answers) {
    public SampleDialogue {
        answers = List.copyOf(answers);
    }

    public SampleAnswer answer(AnswerStyle style) {
        return answers.stream().filter(a -> a.style() == style).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + style + " answer"));
    }
}
