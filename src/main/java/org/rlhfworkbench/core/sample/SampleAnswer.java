package org.rlhfworkbench.core.sample;

import java.util.Objects;

/** One generated answer and the quality it was written to have. */
public record SampleAnswer(String text, AnswerStyle style) {
    public SampleAnswer {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(style, "style");
    }

    public boolean correct() {
        return style.correct();
    }

    public boolean polite() {
        return style.polite();
    }

    public AnswerStyle.Length length() {
        return style.length();
    }
}
