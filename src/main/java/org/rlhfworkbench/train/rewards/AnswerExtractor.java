package org.rlhfworkbench.train.rewards;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the answer a response states, for comparison with a reference answer.
 * <ol>
 *   <li>An explicit marker wins: GSM8K's "#### 42", LaTeX "\boxed{42}", or "answer is 42" / "answer: 42".</li>
 *   <li>A numeric reference: the first number the response states that the prompt did not already
 *       state ("7 times 6 is 42" gives 42), else the first number ("57 is larger than 34" gives 57).</li>
 *   <li>A text reference: the marked answer's words (or without a marker the response's) contain the
 *       reference's words as a phrase.</li>
 * </ol>
 * Numbers are normalised: thousands separators, a leading "$", trailing zeros ("42.0" = "42").
 */
public final class AnswerExtractor {
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])-?\\$?\\d[\\d,]*(?:\\.\\d+)?(?![\\w])");
    private static final Pattern MARKER = Pattern.compile(
            "(?i)(?:####\\s*|\\\\boxed\\{|answer(?: is|:)\\s*)([^}\\n]+?)(?:\\}|[.!?]?\\s*$|[.!?]\\s|\\n)");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");

    private AnswerExtractor() {
    }

    /** True when {@code response} (to {@code prompt}) states {@code reference}. */
    public static boolean matches(String prompt, String response, String reference) {
        String ref = reference.strip();
        Optional<String> numericRef = normaliseNumber(ref);
        Optional<String> marked = marked(response);
        if (numericRef.isPresent()) {
            Optional<String> stated = marked.flatMap(AnswerExtractor::normaliseNumber).or(() -> statedNumber(prompt, response));
            return stated.equals(numericRef);
        }
        List<String> refWords = words(ref);
        String where = marked.orElse(response);  // "the answer is this: the capital is Dublin" still names Dublin
        return !refWords.isEmpty() && containsPhrase(words(where), refWords);
    }

    /** The number a response states: the first not already in the prompt, else the first; empty if none. */
    static Optional<String> statedNumber(String prompt, String response) {
        Set<String> echoed = Set.copyOf(numbers(prompt));
        List<String> stated = numbers(response);
        return stated.stream().filter(n -> !echoed.contains(n)).findFirst().or(() -> stated.stream().findFirst());
    }

    /** "1,000" -> "1000", "$42" -> "42", "42.50" -> "42.5", "-3.0" -> "-3"; empty when not a number. */
    public static Optional<String> normaliseNumber(String s) {
        String t = s.strip().replace(",", "").replace("$", "");
        if (t.endsWith(".")) {
            t = t.substring(0, t.length() - 1);
        }
        if (!t.matches("-?\\d+(?:\\.\\d+)?")) {
            return Optional.empty();
        }
        BigDecimal d = new BigDecimal(t).stripTrailingZeros();
        return Optional.of(d.signum() == 0 ? "0" : d.toPlainString());
    }

    private static Optional<String> marked(String response) {
        Matcher m = MARKER.matcher(response);
        return m.find() ? Optional.of(m.group(1).strip()) : Optional.empty();
    }

    private static List<String> numbers(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            normaliseNumber(m.group()).ifPresent(out::add);
        }
        return out;
    }

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static boolean containsPhrase(List<String> words, List<String> phrase) {
        for (int i = 0; i + phrase.size() <= words.size(); i++) {
            if (words.subList(i, i + phrase.size()).equals(phrase)) {
                return true;
            }
        }
        return false;
    }
}
