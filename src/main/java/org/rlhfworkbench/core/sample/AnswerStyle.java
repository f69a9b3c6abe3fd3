package org.rlhfworkbench.core.sample;

/**
 * The qualities of answer the generator writes for every prompt. Declared best first: this is
 * the order the {@link Rubric} ranks them in (strictly, for every generated prompt).
 */
public enum AnswerStyle {
    /** Correct, polite and concise: the reference answer. */
    IDEAL(true, true, Length.CONCISE),
    /** Correct, but bare: no courtesy at all. */
    CURT(true, false, Length.CONCISE),
    /** Correct and polite, buried in filler. */
    RAMBLING(true, true, Length.LONG),
    /** Polite, honest and useless: declines to answer. */
    REFUSAL(false, true, Length.CONCISE),
    /** States a wrong answer, politely. */
    WRONG_POLITE(false, true, Length.CONCISE),
    /** States a wrong answer and insults the user. */
    WRONG_RUDE(false, false, Length.CONCISE),
    /** Says nothing. */
    EMPTY(false, false, Length.EMPTY);

    /** How long an answer is compared with the reference. */
    public enum Length { EMPTY, CONCISE, LONG }

    private final boolean correct;
    private final boolean polite;
    private final Length length;

    AnswerStyle(boolean correct, boolean polite, Length length) {
        this.correct = correct;
        this.polite = polite;
        this.length = length;
    }

    public boolean correct() {
        return correct;
    }

    public boolean polite() {
        return polite;
    }

    public Length length() {
        return length;
    }
}
