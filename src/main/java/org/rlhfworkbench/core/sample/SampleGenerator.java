package org.rlhfworkbench.core.sample;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Deterministic generator of short assistant dialogues: the same seed gives the same prompts and
 * answers on every JVM ({@link Random}'s algorithm is fixed by its specification, and nothing
 * here depends on hash order or the default locale).
 */
public final class SampleGenerator {
    private static final int TOTAL_WEIGHT = totalWeight();

    private final Random rng;
    private int generated;

    public SampleGenerator(long seed) {
        this.rng = new Random(seed);
    }

    /** The next dialogue, of a family drawn by {@link TaskFamily#weight()}; texts may repeat. */
    public SampleDialogue next() {
        return next(drawFamily());
    }

    public SampleDialogue next(TaskFamily family) {
        generated++;
        return dialogue(String.format(Locale.ROOT, "g%05d", generated), task(family));
    }

    /** {@code n} dialogues with distinct prompt texts, with ids "p001", "p002", ... */
    public List<SampleDialogue> uniquePrompts(int n) {
        List<SampleDialogue> out = new ArrayList<>(n);
        Set<String> seen = new HashSet<>();
        int attempts = 0;
        while (out.size() < n) {
            if (++attempts > 100 * n + 1000) {
                throw new IllegalArgumentException("cannot generate " + n + " distinct prompts");
            }
            Task t = task(drawFamily());
            if (seen.add(t.text())) {
                out.add(dialogue(String.format(Locale.ROOT, "p%03d", out.size() + 1), t));
            }
        }
        return out;
    }

    private SampleDialogue dialogue(String id, Task t) {
        List<SampleAnswer> answers = AnswerStyler.answers(t, rng);
        String reference = answers.get(AnswerStyle.IDEAL.ordinal()).text();
        SamplePrompt prompt = new SamplePrompt(id, t.family().id(), t.text(), reference, t.accepted(),
                t.distractors());
        return new SampleDialogue(prompt, answers);
    }

    private TaskFamily drawFamily() {
        int r = rng.nextInt(TOTAL_WEIGHT);
        for (TaskFamily f : TaskFamily.values()) {
            r -= f.weight();
            if (r < 0) {
                return f;
            }
        }
        throw new IllegalStateException("weights do not add up");
    }

    private Task task(TaskFamily family) {
        return switch (family) {
            case ARITHMETIC -> MathTasks.arithmetic(rng);
            case COMPARISON -> MathTasks.comparison(rng);
            case UNIT_CONVERSION -> MathTasks.unitConversion(rng);
            case LETTER_COUNT -> WordTasks.letterCount(rng);
            case REVERSE -> WordTasks.reverse(rng);
            case PLURAL -> WordTasks.plural(rng);
            case WEEKDAY -> WorldTasks.weekday(rng);
            case CAPITAL -> WorldTasks.capital(rng);
            case GREETING -> WorldTasks.greeting(rng);
            case THANKS -> WorldTasks.thanks(rng);
        };
    }

    private static int totalWeight() {
        int sum = 0;
        for (TaskFamily f : TaskFamily.values()) {
            sum += f.weight();
        }
        return sum;
    }
}
