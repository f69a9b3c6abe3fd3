package org.rlhfworkbench.core.sample;

import java.util.List;
import java.util.Random;

/**
 * The stock sentences answers are made of. None of them states an answer to any task: no digits,
 * no day, city or greeting words, so a judge finds the answer only where the task put it.
 */
final class Phrases {
    static final List<String> OPENERS = List.of(
            "Sure!", "Of course!", "Happy to help!", "Good question!", "Certainly!", "Glad to help!");
    static final List<String> FILLERS = List.of(
            "Let me think about this carefully before I answer.",
            "This is the kind of question that comes up quite often.",
            "There are a few ways to look at it, so I will go step by step.",
            "I want to make sure that everything is explained in full detail.",
            "It is worth taking a moment to consider it properly.",
            "Many people find questions like this interesting.");
    static final List<String> RAMBLING_CLOSERS = List.of(
            "I hope this long explanation was useful, and please ask again if anything is unclear.",
            "Thank you for your patience while I explained all of that in such detail.",
            "Let me know if you would like me to go over any part of it again, step by step.");
    static final List<String> SOCIAL_TAILS = List.of(
            "Thank you for stopping by!", "Please come back soon!", "Have a lovely day!");
    static final List<String> RUDE_OPENERS = List.of("Ugh.", "Obviously.", "Seriously?", "Duh.", "Whatever.");
    static final List<String> RUDE_CLOSERS = List.of(
            "Figure it out yourself next time.", "Stop wasting my time.", "Even a child knows that.",
            "Don't bother me with this again.");
    static final List<String> REFUSALS = List.of(
            "I'm sorry, but I can't help with that.",
            "Sorry, I am not able to answer that.",
            "I'm afraid I can't answer that question, sorry.");

    private Phrases() {
    }

    static <T> T pick(Random rng, List<T> options) {
        return options.get(rng.nextInt(options.size()));
    }

    /** "word" -> "Word" (ASCII only, as all sample text is). */
    static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
