package org.rlhfworkbench.core.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Counting letters, spelling backwards and plurals. */
final class WordTasks {
    private WordTasks() {
    }

    static Task letterCount(Random rng) {
        String word = Phrases.pick(rng, SampleTables.COUNT_WORDS);
        if (rng.nextInt(3) == 0) {
            return letterOccurrences(rng, word);
        }
        int n = word.length();
        int wrong = rng.nextBoolean() ? n + 1 : n - 1;
        String text = Phrases.pick(rng, List.of("How many letters are in the word \"%s\"?",
                "How many letters does %s have?", "Count the letters in the word %s."));
        return new Task(TaskFamily.LETTER_COUNT, String.format(Locale.ROOT, text, word),
                "The word " + word + " has " + n + " letters.", n + ".",
                "The word " + word + " has " + wrong + " letters.",
                "To count the letters in a word, go through it from the start and count each letter once.",
                List.of(Integer.toString(n)), List.of(Integer.toString(wrong)));
    }

    private static Task letterOccurrences(Random rng, String word) {
        char c = word.charAt(rng.nextInt(word.length()));
        int n = (int) word.chars().filter(x -> x == c).count();
        int wrong = n == 1 || rng.nextBoolean() ? n + 1 : n - 1;
        String text = Phrases.pick(rng, List.of("How many times does the letter \"%s\" appear in \"%s\"?",
                "How many times does the letter %s appear in the word %s?", "Count the letter %s in %s."));
        return new Task(TaskFamily.LETTER_COUNT, String.format(Locale.ROOT, text, c, word),
                "The letter " + c + " appears " + times(n) + " in " + word + ".", n + ".",
                "The letter " + c + " appears " + times(wrong) + " in " + word + ".",
                "To count a letter, go through the word from the start and count every place it shows up.",
                List.of(Integer.toString(n)), List.of(Integer.toString(wrong)));
    }

    static Task reverse(Random rng) {
        String word = Phrases.pick(rng, SampleTables.REVERSE_WORDS);
        String back = new StringBuilder(word).reverse().toString();
        List<String> slips = new ArrayList<>();
        for (int i = 0; i + 1 < back.length(); i++) {
            char[] cs = back.toCharArray();
            char t = cs[i];
            cs[i] = cs[i + 1];
            cs[i + 1] = t;
            String s = new String(cs);
            if (!s.equals(back) && !s.equals(word) && !slips.contains(s)) {
                slips.add(s);
            }
        }
        String wrong = Phrases.pick(rng, slips);
        String text = Phrases.pick(rng, List.of("Spell %s backwards.", "What is %s spelled backwards?",
                "Reverse the letters of the word \"%s\"."));
        String lead = Phrases.capitalize(word) + " spelled backwards is ";
        return new Task(TaskFamily.REVERSE, String.format(Locale.ROOT, text, word), lead + back + ".", back + ".",
                lead + wrong + ".",
                "To reverse a word, read its letters starting from the last one and ending with the first.",
                List.of(back), slips);
    }

    static Task plural(Random rng) {
        List<String> row = Phrases.pick(rng, SampleTables.PLURALS);
        String word = row.get(0);
        String plural = row.get(1);
        List<String> wrongs = row.subList(2, row.size());
        String text = Phrases.pick(rng, List.of("What is the plural of %s?", "What is the plural form of \"%s\"?",
                "How do you write more than one %s?"));
        return new Task(TaskFamily.PLURAL, String.format(Locale.ROOT, text, word),
                "The plural of " + word + " is " + plural + ".", Phrases.capitalize(plural) + ".",
                "The plural of " + word + " is " + Phrases.pick(rng, wrongs) + ".",
                "Most English words just add an s to make the plural, but many common words follow their own rules.",
                List.of(plural), wrongs);
    }

    private static String times(int n) {
        return n + (n == 1 ? " time" : " times");
    }
}
