package org.rlhfworkbench.lm.tokenizer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The same training rule as {@link BpeTrainer}, done the slow obvious way: recount every pair of
 * every word before each merge. Same id layout, same tie-break (highest count, then smallest
 * left id, then smallest right id), same minimum frequency.
 */
final class NaiveBpeTrainer {
    private NaiveBpeTrainer() {
    }

    static List<String> merges(String corpus, int vocabSize, String special, int minFrequency) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String part : corpus.split(java.util.regex.Pattern.quote(special))) {
            for (String piece : ByteLevel.split(part)) {
                counts.merge(piece, 1, Integer::sum);
            }
        }
        char[] table = Gpt2ReferenceBpe.bytesToUnicode();
        List<String> tokens = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        for (int b : gpt2ByteOrder(table)) {
            ids.put(String.valueOf(table[b]), tokens.size());
            tokens.add(String.valueOf(table[b]));
        }
        ids.put(special, tokens.size());
        tokens.add(special);
        List<List<Integer>> words = new ArrayList<>();
        List<Integer> freq = new ArrayList<>();
        counts.forEach((w, c) -> {
            List<Integer> s = new ArrayList<>();
            for (byte b : w.getBytes(StandardCharsets.UTF_8)) {
                s.add(ids.get(String.valueOf(table[b & 0xFF])));
            }
            words.add(s);
            freq.add(c);
        });
        List<String> merges = new ArrayList<>();
        while (tokens.size() < vocabSize) {
            Map<List<Integer>, Integer> pairs = new HashMap<>();
            for (int w = 0; w < words.size(); w++) {
                for (int i = 0; i + 1 < words.get(w).size(); i++) {
                    pairs.merge(List.of(words.get(w).get(i), words.get(w).get(i + 1)), freq.get(w), Integer::sum);
                }
            }
            List<Integer> best = null;
            int bestCount = 0;
            for (Map.Entry<List<Integer>, Integer> e : pairs.entrySet()) {
                List<Integer> p = e.getKey();
                int c = e.getValue();
                if (c > bestCount || (c == bestCount && (p.get(0) < best.get(0)
                        || (p.get(0).equals(best.get(0)) && p.get(1) < best.get(1))))) {
                    best = p;
                    bestCount = c;
                }
            }
            if (best == null || bestCount < minFrequency) {
                break;
            }
            String merged = tokens.get(best.get(0)) + tokens.get(best.get(1));
            Integer id = ids.get(merged);
            if (id == null) {
                id = tokens.size();
                ids.put(merged, id);
                tokens.add(merged);
            }
            merges.add(tokens.get(best.get(0)) + " " + tokens.get(best.get(1)));
            for (List<Integer> s : words) {
                for (int i = 0; i + 1 < s.size(); i++) {
                    if (s.get(i).equals(best.get(0)) && s.get(i + 1).equals(best.get(1))) {
                        s.set(i, id);
                        s.remove(i + 1);
                    }
                }
            }
        }
        return merges;
    }

    /** Bytes in GPT-2's vocabulary order: the printable ones as themselves first, then the rest. */
    private static List<Integer> gpt2ByteOrder(char[] table) {
        List<Integer> order = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            for (int b = 0; b < 256; b++) {
                if ((table[b] == b) == (pass == 0)) {
                    order.add(b);
                }
            }
        }
        return order;
    }
}
