package org.rlhfworkbench.core.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * The text the tiny model is pretrained on: dialogues formatted "User: ...\nAssistant: ...\n\n",
 * ideal answers mixed with curt, rambling, wrong, rude, refused and empty ones,
 * so the model starts out imperfect in the ways the RLHF loop then fixes. Regenerated on demand,
 * never committed.
 */
public final class PretrainingCorpus {
    /** About 350 KB with the default seed. */
    public static final int DEFAULT_DIALOGUES = 3000;
    /** Differs from the sample's seed, so the corpus is a fresh draw from the same families. */
    public static final long DEFAULT_SEED = 20_240_607L;
    /**
     * Percent of dialogues per {@link AnswerStyle}, in declaration order (sums to 100): ideal 45,
     * curt 15, rambling 15, refusal 5, wrong-polite 8, wrong-rude 8, empty 4. Three answers in four
     * are correct, but half of them in a style the rubric marks down: the base model inherits
     * flaws of tone and length that hold across prompts, which is what RLHF can learn to remove.
     */
    private static final int[] STYLE_PERCENT = {45, 15, 15, 5, 8, 8, 4};

    private PretrainingCorpus() {
    }

    public static String text() {
        return text(DEFAULT_DIALOGUES, DEFAULT_SEED);
    }

    public static String text(int dialogues, long seed) {
        SampleGenerator gen = new SampleGenerator(seed);
        Random styles = new Random(seed ^ 0x5DEECE66DL);
        StringBuilder sb = new StringBuilder(dialogues * 120);
        for (int i = 0; i < dialogues; i++) {
            SampleDialogue d = gen.next();
            String answer = d.answer(drawStyle(styles)).text();
            sb.append(format(d.prompt().text(), answer));
        }
        return sb.toString();
    }

    /** One dialogue as the corpus and the model's prompts write it. */
    public static String format(String prompt, String answer) {
        return "User: " + prompt + "\nAssistant:" + (answer.isEmpty() ? "" : " " + answer) + "\n\n";
    }

    public static void write(Path file) throws IOException {
        write(file, DEFAULT_DIALOGUES);
    }

    public static void write(Path file, int dialogues) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, text(dialogues, DEFAULT_SEED), StandardCharsets.UTF_8);
    }

    private static AnswerStyle drawStyle(Random rng) {
        int r = rng.nextInt(100);
        AnswerStyle[] all = AnswerStyle.values();
        for (int i = 0; i < all.length; i++) {
            r -= STYLE_PERCENT[i];
            if (r < 0) {
                return all[i];
            }
        }
        return AnswerStyle.IDEAL;
    }
}
