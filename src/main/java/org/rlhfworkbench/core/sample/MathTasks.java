package org.rlhfworkbench.core.sample;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Arithmetic, comparisons and unit conversions: every answer is a whole number. */
final class MathTasks {
    /** from (singular, plural), to, factor, a factor people wrongly use, explanation. */
    private record Unit(String one, String many, String to, int factor, int wrongFactor, String explanation) {
    }

    private static final List<Unit> UNITS = List.of(
            new Unit("kilometer", "kilometers", "meters", 1000, 100,
                    "A kilometer is a thousand meters, so you multiply by a thousand."),
            new Unit("hour", "hours", "minutes", 60, 100, "An hour has sixty minutes, so you multiply by sixty."),
            new Unit("minute", "minutes", "seconds", 60, 100, "A minute has sixty seconds, so you multiply by sixty."),
            new Unit("meter", "meters", "centimeters", 100, 1000,
                    "A meter has a hundred centimeters, so you multiply by a hundred."),
            new Unit("kilogram", "kilograms", "grams", 1000, 100,
                    "A kilogram is a thousand grams, so you multiply by a thousand."),
            new Unit("day", "days", "hours", 24, 12, "A day has twenty four hours, so you multiply by twenty four."),
            new Unit("week", "weeks", "days", 7, 5, "A week has seven days, so you multiply by seven."));

    private MathTasks() {
    }

    static Task arithmetic(Random rng) {
        int op = rng.nextInt(3);
        int a;
        int b;
        int r;
        do {
            a = 2 + rng.nextInt(op == 2 ? 11 : 19);
            b = 2 + rng.nextInt(op == 2 ? 11 : 19);
            if (op == 1 && a < b) {
                int t = a;
                a = b;
                b = t;
            }
            r = op == 0 ? a + b : op == 1 ? a - b : a * b;
        } while (r == a || r == b || r <= 0); // an answer equal to an operand cannot be told from an echo
        String word = List.of("plus", "minus", "times").get(op);
        String text = switch (op) {
            case 0 -> Phrases.pick(rng, List.of("What is %1$d plus %2$d?", "What is %1$d + %2$d?",
                    "Add %1$d and %2$d.", "Can you add %1$d and %2$d for me?"));
            case 1 -> Phrases.pick(rng, List.of("What is %1$d minus %2$d?", "What is %1$d - %2$d?",
                    "Subtract %2$d from %1$d."));
            default -> Phrases.pick(rng, List.of("What is %1$d times %2$d?", "Multiply %1$d by %2$d.",
                    "What is %1$d multiplied by %2$d?"));
        };
        String explanation = List.of(
                "Adding two numbers means putting both amounts together into a single total.",
                "Subtracting means taking the second amount away from the first.",
                "Multiplying means adding the first number to itself as many times as the second says.").get(op);
        int wrong = wrongNear(rng, r, a, b);
        return new Task(TaskFamily.ARITHMETIC, fmt(text, a, b), a + " " + word + " " + b + " is " + r + ".",
                r + ".", a + " " + word + " " + b + " is " + wrong + ".", explanation, List.of(Integer.toString(r)),
                List.of(Integer.toString(wrong)));
    }

    static Task comparison(Random rng) {
        int a = 1 + rng.nextInt(99);
        int b;
        do {
            b = 1 + rng.nextInt(99);
        } while (b == a);
        boolean larger = rng.nextBoolean();
        int right = larger == (a > b) ? a : b;
        int other = right == a ? b : a;
        String text = larger
                ? Phrases.pick(rng, List.of("Which is larger, %1$d or %2$d?", "Which number is bigger: %1$d or %2$d?",
                        "Is %1$d or %2$d the larger number?"))
                : Phrases.pick(rng, List.of("Which is smaller, %1$d or %2$d?", "Which number is less: %1$d or %2$d?",
                        "Is %1$d or %2$d the smaller number?"));
        String rel = larger ? " is larger than " : " is smaller than ";
        return new Task(TaskFamily.COMPARISON, fmt(text, a, b), right + rel + other + ".", right + ".",
                other + rel + right + ".",
                "To compare two numbers, look at how many digits they have and then at the first digit that differs.",
                List.of(Integer.toString(right)), List.of(Integer.toString(other)));
    }

    static Task unitConversion(Random rng) {
        Unit u = Phrases.pick(rng, UNITS);
        int n = 1 + rng.nextInt(9);
        String from = n == 1 ? u.one() : u.many();
        int r = n * u.factor();
        int wrong = n * u.wrongFactor();
        String text = Phrases.pick(rng, List.of("How many %3$s are in %1$d %2$s?", "Convert %1$d %2$s to %3$s.",
                "How many %3$s is %1$d %2$s?"));
        return new Task(TaskFamily.UNIT_CONVERSION, String.format(Locale.ROOT, text, n, from, u.to()),
                n + " " + from + " is " + r + " " + u.to() + ".", r + " " + u.to() + ".",
                n + " " + from + " is " + wrong + " " + u.to() + ".", u.explanation(),
                List.of(Integer.toString(r)), List.of(Integer.toString(wrong)));
    }

    /** A plausible slip: off by one, two or ten, never the answer, an operand or below one. */
    private static int wrongNear(Random rng, int right, int a, int b) {
        List<Integer> deltas = List.of(1, -1, 2, -2, 10, -10);
        int start = rng.nextInt(deltas.size());
        for (int i = 0; i < deltas.size(); i++) {
            int w = right + deltas.get((start + i) % deltas.size());
            if (w > 0 && w != a && w != b) {
                return w;
            }
        }
        return right + 100;
    }

    private static String fmt(String template, int a, int b) {
        return String.format(Locale.ROOT, template, a, b);
    }
}
