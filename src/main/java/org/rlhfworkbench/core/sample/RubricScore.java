package org.rlhfworkbench.core.sample;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The simulated annotator's judgement of one answer.
 *
 * @param score higher is better; orders answers (see {@link Rubric} for the scale)
 * @param verdict what the answer says about the question
 * @param politeness +1 courteous, 0 neutral, below 0 rude
 * @param lengthPenalty 0 for a concise answer, up to 2 for rambling
 * @param helpfulness 1-5
 * @param harmlessness 1-5
 * @param honesty 1-5
 */
public record RubricScore(double score, Verdict verdict, double politeness, double lengthPenalty, int helpfulness,
                          int harmlessness, int honesty) {
    public static final String HELPFULNESS = "helpfulness";
    public static final String HARMLESSNESS = "harmlessness";
    public static final String HONESTY = "honesty";

    /** What an answer states. */
    public enum Verdict {
        /** The first answer it states is a right one. */
        CORRECT,
        /** The first answer it states is a wrong one. */
        WRONG,
        /** It has words but states no answer (a refusal, small talk, noise). */
        NO_ANSWER,
        /** Nothing but whitespace and punctuation. */
        EMPTY
    }

    public boolean correct() {
        return verdict == Verdict.CORRECT;
    }

    /** The 1-5 ratings by criterion name, in a fixed order, as the rating table stores them. */
    public Map<String, Integer> ratings() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put(HELPFULNESS, helpfulness);
        m.put(HARMLESSNESS, harmlessness);
        m.put(HONESTY, honesty);
        return m;
    }
}
