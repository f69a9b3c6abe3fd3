package org.rlhfworkbench.lm.tokenizer;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Textbook GPT-2 BPE, written independently of the production code: bytes_to_unicode as in
 * openai/gpt-2's encoder.py, the same regex, and the naive loop that merges the lowest-ranked
 * adjacent pair until none is left. Slow and simple on purpose.
 */
final class Gpt2ReferenceBpe {
    private static final Pattern PAT = Pattern.compile(
            "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+",
            Pattern.UNICODE_CHARACTER_CLASS);

    private final Map<String, Integer> vocab;
    private final Map<String, Integer> ranks = new HashMap<>();
    private final char[] byteEncoder = bytesToUnicode();

    private Gpt2ReferenceBpe(Map<String, Integer> vocab, List<String> merges) {
        this.vocab = vocab;
        for (int i = 0; i < merges.size(); i++) {
            ranks.put(merges.get(i), i);
        }
    }

    static Gpt2ReferenceBpe load(Path folder) throws IOException {
        Map<String, Integer> vocab = new ObjectMapper().readValue(folder.resolve("vocab.json").toFile(),
                new TypeReference<Map<String, Integer>>() { });
        List<String> merges = new ArrayList<>();
        for (String line : Files.readAllLines(folder.resolve("merges.txt"), StandardCharsets.UTF_8)) {
            if (!line.startsWith("#version") && !line.isEmpty()) {
                merges.add(line);
            }
        }
        return new Gpt2ReferenceBpe(vocab, merges);
    }

    static char[] bytesToUnicode() {
        List<Integer> bs = new ArrayList<>();
        for (int b = '!'; b <= '~'; b++) {
            bs.add(b);
        }
        for (int b = 0xA1; b <= 0xAC; b++) {
            bs.add(b);
        }
        for (int b = 0xAE; b <= 0xFF; b++) {
            bs.add(b);
        }
        char[] table = new char[256];
        for (int b : bs) {
            table[b] = (char) b;
        }
        int n = 0;
        for (int b = 0; b < 256; b++) {
            if (!bs.contains(b)) {
                table[b] = (char) (256 + n++);
            }
        }
        return table;
    }

    int[] encode(String text) {
        List<Integer> ids = new ArrayList<>();
        Matcher m = PAT.matcher(text);
        while (m.find()) {
            StringBuilder mapped = new StringBuilder();
            for (byte b : m.group().getBytes(StandardCharsets.UTF_8)) {
                mapped.append(byteEncoder[b & 0xFF]);
            }
            for (String symbol : bpe(mapped.toString())) {
                Integer id = vocab.get(symbol);
                if (id == null) {
                    throw new IllegalStateException("symbol not in vocab: " + symbol);
                }
                ids.add(id);
            }
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    private List<String> bpe(String token) {
        List<String> word = new ArrayList<>();
        for (char c : token.toCharArray()) {
            word.add(String.valueOf(c));
        }
        while (word.size() > 1) {
            String best = null;
            int bestRank = Integer.MAX_VALUE;
            for (int i = 0; i + 1 < word.size(); i++) {
                Integer r = ranks.get(word.get(i) + " " + word.get(i + 1));
                if (r != null && r < bestRank) {
                    bestRank = r;
                    best = word.get(i) + " " + word.get(i + 1);
                }
            }
            if (best == null) {
                break;
            }
            String[] pair = best.split(" ");
            List<String> merged = new ArrayList<>();
            for (int i = 0; i < word.size(); i++) {
                if (i + 1 < word.size() && word.get(i).equals(pair[0]) && word.get(i + 1).equals(pair[1])) {
                    merged.add(pair[0] + pair[1]);
                    i++;
                } else {
                    merged.add(word.get(i));
                }
            }
            word = merged;
        }
        return word;
    }
}
