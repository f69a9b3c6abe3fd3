package org.rlhfworkbench.core.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The bundled sample's data: {@value #DEFAULT_PROMPTS} distinct prompts (seed {@value #DEFAULT_SEED}),
 * of which {@link #SFT_FRACTION} come with their reference answer as an SFT demonstration, plus a
 * pretraining text of dialogues for the tiny model. The committed files under
 * sample-projects/assistant are exactly {@link #writeFiles(Path)}'s output.
 */
public final class SampleCorpus {
    public static final int DEFAULT_PROMPTS = 200;
    public static final long DEFAULT_SEED = 7;
    public static final double SFT_FRACTION = 0.6;
    /** Prompts without a demonstration: {"prompt": ...} per line. */
    public static final String PROMPTS_FILE = "prompts.jsonl";
    /** Prompts with their reference answer: {"prompt": ..., "completion": ...} per line. */
    public static final String SFT_FILE = "sft.jsonl";

    private final List<SampleDialogue> dialogues;
    private final boolean[] demonstrated;

    private SampleCorpus(List<SampleDialogue> dialogues, boolean[] demonstrated) {
        this.dialogues = dialogues;
        this.demonstrated = demonstrated;
    }

    /** The bundled sample: 200 prompts, seed 7. */
    public static SampleCorpus standard() {
        return generate(DEFAULT_PROMPTS, DEFAULT_SEED);
    }

    public static SampleCorpus generate(int prompts, long seed) {
        List<SampleDialogue> dialogues = new SampleGenerator(seed).uniquePrompts(prompts);
        return new SampleCorpus(dialogues, chooseDemonstrated(prompts, new Random(seed + 1)));
    }

    /** Exactly round(n * SFT_FRACTION) of n indices, spread by a seeded Fisher-Yates shuffle. */
    private static boolean[] chooseDemonstrated(int n, Random rng) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        boolean[] chosen = new boolean[n];
        for (int k = 0; k < Math.round(n * SFT_FRACTION); k++) {
            chosen[order[k]] = true;
        }
        return chosen;
    }

    public List<SampleDialogue> dialogues() {
        return dialogues;
    }

    public List<SamplePrompt> prompts() {
        return dialogues.stream().map(SampleDialogue::prompt).toList();
    }

    /** Prompts that ship with their reference answer as a demonstration, in generation order. */
    public List<SamplePrompt> demonstrated() {
        return select(true);
    }

    /** Prompts that ship without one, in generation order. */
    public List<SamplePrompt> undemonstrated() {
        return select(false);
    }

    private List<SamplePrompt> select(boolean withDemo) {
        return IntStream.range(0, dialogues.size()).filter(i -> demonstrated[i] == withDemo)
                .mapToObj(i -> dialogues.get(i).prompt()).toList();
    }

    /** The sample prompt with exactly this text, so a judge can find its facts from a project prompt. */
    public Optional<SamplePrompt> find(String promptText) {
        return prompts().stream().filter(p -> p.text().equals(promptText)).findFirst();
    }

    /** {"prompt", "reference"} lines; social prompts (no answer to check) carry no reference. */
    public String promptsJsonl() {
        StringBuilder sb = new StringBuilder();
        undemonstrated().forEach(p -> sb.append(referenceAnswer(p) == null ? JsonLines.object("prompt", p.text())
                : JsonLines.object("prompt", p.text(), "reference", referenceAnswer(p))).append('\n'));
        return sb.toString();
    }

    /** {"prompt", "completion", "reference"} lines (no reference on social prompts). */
    public String sftJsonl() {
        StringBuilder sb = new StringBuilder();
        demonstrated().forEach(p -> sb.append(referenceAnswer(p) == null
                ? JsonLines.object("prompt", p.text(), "completion", demonstration(p))
                : JsonLines.object("prompt", p.text(), "completion", demonstration(p), "reference", referenceAnswer(p)))
                .append('\n'));
        return sb.toString();
    }

    /**
     * The short answer an exact-answer reward checks ("42", "revir", "paris"): the first accepted
     * answer of a task with a fact to state; null for greetings and thanks.
     */
    public static String referenceAnswer(SamplePrompt p) {
        return p.taskFamily().social() ? null : p.accepted().get(0);
    }

    /**
     * The SFT demonstration for a prompt, as two kinds of labeler write them: half the prompts
     * (by a fixed hash of the text) get the reference answer ("Sure! 7 times 6 is 42."), the other
     * half the same answer without its courteous opener ("7 times 6 is 42."). Both are correct and
     * concise, so the SFT model learns the content but only sometimes the manner; the rubric gives
     * courtesy its fifth point, and only the preference labels say so consistently, which leaves
     * the RLHF stages after SFT something real to learn.
     */
    public static String demonstration(SamplePrompt p) {
        if (Math.floorMod(p.text().hashCode(), 2) == 0) {
            return p.reference();
        }
        for (String opener : Phrases.OPENERS) {
            if (p.reference().startsWith(opener + " ")) {
                String rest = p.reference().substring(opener.length() + 1);
                return Character.toUpperCase(rest.charAt(0)) + rest.substring(1);
            }
        }
        return p.reference();
    }

    /** Writes {@value #PROMPTS_FILE} and {@value #SFT_FILE} (UTF-8, LF) into dir, creating it. */
    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(PROMPTS_FILE), promptsJsonl(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(SFT_FILE), sftJsonl(), StandardCharsets.UTF_8);
    }

    /** Regenerates the committed sample files: what `rlhf sample-corpus DIR` runs. */
    public static void writeFiles(Path dir) throws IOException {
        standard().write(dir);
    }
}
