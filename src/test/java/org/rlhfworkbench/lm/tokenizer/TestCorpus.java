package org.rlhfworkbench.lm.tokenizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Deterministic made-up assistant dialogues: a fixed lexicon of made-up words, numbers and punctuation. */
final class TestCorpus {
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ren", "tu", "sha", "vel", "dor", "pi", "qua",
        "zen", "bri", "mo", "nak", "te", "wil", "ors", "fay", "gu", "hel", "ix", "jo", "ump", "ste", "cé", "über"};
    private static final String[] COMMON = {"the", "assistant", "answered", "question", "helpful", "please",
        "thank", "you", "and", "is", "a", "of", "to", "in", "it", "what", "how", "can", "I", "help"};

    private TestCorpus() {
    }

    /** About {@code chars} characters of text, as documents of a few sentences each. */
    static List<String> documents(long seed, int chars) {
        Random random = new Random(seed);
        List<String> lexicon = new ArrayList<>(List.of(COMMON));
        while (lexicon.size() < 600) {
            StringBuilder w = new StringBuilder();
            for (int s = 1 + random.nextInt(3); s > 0; s--) {
                w.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            lexicon.add(w.toString());
        }
        List<String> docs = new ArrayList<>();
        int total = 0;
        while (total < chars) {
            StringBuilder doc = new StringBuilder(random.nextBoolean() ? "User: " : "Assistant: ");
            for (int sentence = 1 + random.nextInt(4); sentence > 0; sentence--) {
                for (int word = 3 + random.nextInt(9); word > 0; word--) {
                    boolean common = random.nextInt(3) == 0;
                    String w = common ? COMMON[random.nextInt(COMMON.length)]
                            : lexicon.get((int) Math.abs(random.nextGaussian() * 150) % lexicon.size());
                    doc.append(w).append(random.nextInt(20) == 0 ? ", " : " ");
                }
                if (random.nextInt(4) == 0) {
                    doc.append(random.nextInt(2000)).append(' ');
                }
                doc.setLength(doc.length() - 1);
                doc.append(random.nextInt(5) == 0 ? "?\n" : ".\n");
            }
            total += doc.length();
            docs.add(doc.toString());
        }
        return docs;
    }
}
