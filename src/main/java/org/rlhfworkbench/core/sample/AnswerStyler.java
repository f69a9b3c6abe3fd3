package org.rlhfworkbench.core.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Dresses a task's plain sentences up as one answer of every {@link AnswerStyle}. */
final class AnswerStyler {
    private AnswerStyler() {
    }

    static List<SampleAnswer> answers(Task t, Random rng) {
        List<SampleAnswer> out = new ArrayList<>();
        for (AnswerStyle style : AnswerStyle.values()) {
            out.add(new SampleAnswer(write(t, style, rng), style));
        }
        return out;
    }

    private static String write(Task t, AnswerStyle style, Random rng) {
        boolean social = t.family().social();
        return switch (style) {
            case IDEAL -> social ? t.statement() : opener(rng) + " " + t.statement();
            case CURT -> social || rng.nextBoolean() ? t.shortAnswer() : t.statement();
            case RAMBLING -> rambling(t, rng);
            case REFUSAL -> Phrases.pick(rng, Phrases.REFUSALS);
            case WRONG_POLITE -> social ? t.wrongStatement() + " " + Phrases.pick(rng, Phrases.SOCIAL_TAILS)
                    : opener(rng) + " " + t.wrongStatement();
            case WRONG_RUDE -> Phrases.pick(rng, Phrases.RUDE_OPENERS) + " " + t.wrongStatement() + " "
                    + Phrases.pick(rng, Phrases.RUDE_CLOSERS);
            case EMPTY -> "";
        };
    }

    /** The answer buried under filler (social replies lead with the greeting, then drone on). */
    private static String rambling(Task t, Random rng) {
        int first = rng.nextInt(Phrases.FILLERS.size());
        int second = (first + 1 + rng.nextInt(Phrases.FILLERS.size() - 1)) % Phrases.FILLERS.size();
        String fillers = Phrases.FILLERS.get(first) + " " + Phrases.FILLERS.get(second);
        String closer = Phrases.pick(rng, Phrases.RAMBLING_CLOSERS);
        if (t.family().social()) {
            return t.statement() + " " + t.explanation() + " " + fillers + " " + closer;
        }
        return opener(rng) + " " + fillers + " " + t.explanation() + " So the answer is this: " + t.statement()
                + " " + closer;
    }

    private static String opener(Random rng) {
        return Phrases.pick(rng, Phrases.OPENERS);
    }
}
