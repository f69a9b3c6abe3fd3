package org.rlhfworkbench.lm.tokenizer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a GPT-2 style byte-level BPE from scratch.
 *
 * <p>Texts are cut at literal special tokens, split with GPT-2's regex ({@link ByteLevel#GPT2_SPLIT})
 * and counted as words; each word starts as its UTF-8 bytes. Merges are learned by pair frequency
 * over the word counts (ties: smaller ids first), until the vocabulary reaches {@code vocabSize} or
 * no pair occurs {@code minFrequency} times.
 *
 * <p>Id layout: 0..255 are the 256 byte symbols in GPT-2's order (the same ids as GPT-2's first
 * 256), then the special tokens in the order given (so the default {@code <|endoftext|>} is id
 * 256), then the merged tokens in the order they were learned. {@code vocabSize} counts all three.
 */
public final class BpeTrainer {
    /** GPT-2's end-of-text token: the default special token, used as eos, bos and unk. */
    public static final String END_OF_TEXT = "<|endoftext|>";
    /** Pairs seen fewer times than this are not merged. */
    public static final int DEFAULT_MIN_FREQUENCY = 2;
    private static final Logger LOG = LoggerFactory.getLogger(BpeTrainer.class);

    private final int vocabSize;
    private final List<String> specialTokens;
    private final int minFrequency;

    /** With the single special token {@code <|endoftext|>}. */
    public BpeTrainer(int vocabSize) {
        this(vocabSize, List.of(END_OF_TEXT));
    }

    public BpeTrainer(int vocabSize, List<String> specialTokens) {
        this(vocabSize, specialTokens, DEFAULT_MIN_FREQUENCY);
    }

    public BpeTrainer(int vocabSize, List<String> specialTokens, int minFrequency) {
        Set<String> unique = new LinkedHashSet<>(specialTokens);
        if (unique.size() != specialTokens.size() || unique.contains("")) {
            throw new IllegalArgumentException("special tokens must be distinct and non-empty: " + specialTokens);
        }
        if (vocabSize < 256 + specialTokens.size()) {
            throw new IllegalArgumentException("vocabSize " + vocabSize + " is below the 256 byte symbols plus "
                    + specialTokens.size() + " special tokens");
        }
        if (minFrequency < 1) {
            throw new IllegalArgumentException("minFrequency must be at least 1: " + minFrequency);
        }
        this.vocabSize = vocabSize;
        this.specialTokens = List.copyOf(specialTokens);
        this.minFrequency = minFrequency;
    }

    /** Trains on {@code texts} (documents; nothing is merged across two of them). */
    public static BpeModel train(Iterable<String> texts, int vocabSize, List<String> specialTokens) {
        return new BpeTrainer(vocabSize, specialTokens).train(texts);
    }

    /** Trains on one corpus string. */
    public static BpeModel train(String corpus, int vocabSize, List<String> specialTokens) {
        return new BpeTrainer(vocabSize, specialTokens).train(corpus);
    }

    /** Trains on one corpus string. */
    public BpeModel train(String corpus) {
        return train(List.of(corpus));
    }

    public BpeModel train(Iterable<String> texts) {
        long start = System.nanoTime();
        Map<String, int[]> counts = countWords(texts);
        List<String> tokens = new ArrayList<>(vocabSize);
        Map<String, Integer> ids = new HashMap<>();
        Set<Integer> special = new HashSet<>();
        for (int i = 0; i < 256; i++) {
            add(tokens, ids, String.valueOf(ByteLevel.charOf(ByteLevel.byteOfSymbol(i))));
        }
        for (String s : specialTokens) {
            special.add(add(tokens, ids, s));
        }
        int[][] words = new int[counts.size()][];
        int[] freq = new int[counts.size()];
        int w = 0;
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            byte[] bytes = e.getKey().getBytes(StandardCharsets.UTF_8);
            words[w] = new int[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                words[w][i] = ByteLevel.symbolOfByte(bytes[i]);
            }
            freq[w++] = e.getValue()[0];
        }
        List<int[]> merges = new PairMerger(words, freq, new PairMerger.Vocab(tokens, ids, special))
                .run(vocabSize, minFrequency);
        List<String> mergeStrings = new ArrayList<>(merges.size());
        for (int[] m : merges) {
            mergeStrings.add(tokens.get(m[0]) + " " + tokens.get(m[1]));
        }
        if (tokens.size() < vocabSize) {
            LOG.warn("BPE stopped at {} of {} tokens: no pair occurs {} or more times any more; train on more text",
                    tokens.size(), vocabSize, minFrequency);
        }
        LOG.info("trained byte-level BPE: {} words ({} unique), {} merges, vocab {} in {} ms",
                freq.length == 0 ? 0 : Arrays.stream(freq).asLongStream().sum(), words.length,
                merges.size(), tokens.size(), (System.nanoTime() - start) / 1_000_000);
        return new BpeModel(tokens, mergeStrings, specialTokens);
    }

    private static int add(List<String> tokens, Map<String, Integer> ids, String token) {
        ids.put(token, tokens.size());
        tokens.add(token);
        return tokens.size() - 1;
    }

    /** Pre-token counts, sorted so that training does not depend on hash order. */
    private Map<String, int[]> countWords(Iterable<String> texts) {
        Pattern specials = specialTokens.isEmpty() ? null : Pattern.compile(String.join("|", specialTokens.stream()
                .sorted(Comparator.comparingInt(String::length).reversed()).map(Pattern::quote).toList()));
        Map<String, int[]> counts = new HashMap<>();
        for (String text : texts) {
            String[] parts = specials == null ? new String[] {text} : specials.split(text);
            for (String part : parts) {
                for (String piece : ByteLevel.split(part)) {
                    counts.computeIfAbsent(piece, k -> new int[1])[0]++;
                }
            }
        }
        return new TreeMap<>(counts);
    }
}
