package org.rlhfworkbench.core.sample;

import java.util.List;
import java.util.Objects;

/**
 * One generated question with what a judge needs to check an answer to it.
 *
 * @param id stable within one generated list, e.g. "p017"
 * @param family a {@link TaskFamily#id()}
 * @param text the user's question, exactly as a model sees it
 * @param reference the ideal answer: correct, polite and concise (the SFT demonstration)
 * @param accepted answers that count as right, lower case; for numeric tasks the number as digits
 * @param distractors known wrong answers, lower case; numeric tasks also treat any number that is
 *     not in the question as a wrong answer (see {@link Rubric})
 */
public record SamplePrompt(String id, String family, String text, String reference, List<String> accepted,
                           List<String> distractors) {
    public SamplePrompt {
        Objects.requireNonNull(text, "text");
        accepted = List.copyOf(accepted);
        distractors = List.copyOf(distractors);
        if (accepted.isEmpty()) {
            throw new IllegalArgumentException("a sample prompt needs at least one accepted answer");
        }
    }

    public TaskFamily taskFamily() {
        return TaskFamily.fromId(family);
    }

    /** True when the answer is a number, so any other number stated is a wrong answer. */
    public boolean numeric() {
        return accepted.get(0).chars().allMatch(Character::isDigit);
    }
}
