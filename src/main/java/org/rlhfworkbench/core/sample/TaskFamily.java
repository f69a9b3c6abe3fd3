package org.rlhfworkbench.core.sample;

import java.util.Locale;

/**
 * The kinds of question in the bundled sample. Each has an answer a program can check, except
 * the two social ones, whose "right answer" is any fitting reply (a greeting, an acknowledgement).
 */
public enum TaskFamily {
    ARITHMETIC(4, false),
    COMPARISON(2, false),
    LETTER_COUNT(3, false),
    REVERSE(3, false),
    UNIT_CONVERSION(3, false),
    WEEKDAY(2, false),
    PLURAL(3, false),
    CAPITAL(3, false),
    GREETING(1, true),
    THANKS(1, true);

    private final int weight;
    private final boolean social;

    TaskFamily(int weight, boolean social) {
        this.weight = weight;
        this.social = social;
    }

    /** Relative frequency in generated data. */
    public int weight() {
        return weight;
    }

    /** True for greetings and thanks: the reply is the whole answer, there is no fact to state. */
    public boolean social() {
        return social;
    }

    /** The name stored in {@link SamplePrompt#family()}, e.g. "letter_count". */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TaskFamily fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
