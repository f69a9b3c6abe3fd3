package org.rlhfworkbench.core.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An answer as the rubric reads it: lower-case words and numbers, punctuation dropped
 * ("You're welcome, 3,000!" reads as {@code you re welcome 3000}).
 */
final class AnswerText {
    private final List<String> tokens;

    private AnswerText(List<String> tokens) {
        this.tokens = tokens;
    }

    static AnswerText of(String text) {
        String flat = text.toLowerCase(Locale.ROOT).replaceAll("(?<=\\d),(?=\\d{3})", "");
        List<String> out = new ArrayList<>();
        for (String t : flat.split("[^a-z0-9]+")) {
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return new AnswerText(List.copyOf(out));
    }

    List<String> tokens() {
        return tokens;
    }

    boolean isEmpty() {
        return tokens.isEmpty();
    }

    /** A phrase as the token list it must match, e.g. "You're welcome" -> [you, re, welcome]. */
    static List<String> words(String phrase) {
        return of(phrase).tokens;
    }

    /** True when the words occur in a row starting at token position {@code i}. */
    boolean phraseAt(int i, List<String> words) {
        return !words.isEmpty() && i + words.size() <= tokens.size()
                && tokens.subList(i, i + words.size()).equals(words);
    }

    boolean contains(List<String> words) {
        for (int i = 0; i < tokens.size(); i++) {
            if (phraseAt(i, words)) {
                return true;
            }
        }
        return false;
    }

    /** How many of the phrases occur at least once. */
    int countOf(List<List<String>> phrases) {
        return (int) phrases.stream().filter(this::contains).count();
    }

    static boolean isNumber(String token) {
        return !token.isEmpty() && token.chars().allMatch(Character::isDigit);
    }
}
