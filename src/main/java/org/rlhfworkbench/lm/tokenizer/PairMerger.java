package org.rlhfworkbench.lm.tokenizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The merge loop of BPE training over unique words with counts. Pair counts are kept up to date
 * incrementally: a merge touches only the words that contain the pair (found through an index
 * from pair to words), subtracting their old pairs and adding their new ones. The most frequent
 * pair comes from a max-heap with lazy deletion: a popped entry whose count is out of date is
 * pushed again with its current count. Ties go to the smaller (left id, right id), so training is
 * deterministic.
 */
final class PairMerger {
    private static final Comparator<long[]> BEST_FIRST =
            Comparator.<long[]>comparingLong(e -> -e[1]).thenComparingLong(e -> e[0]);

    private final int[][] words;
    private final int[] freq;
    private final Vocab vocab;
    private final Map<Long, Integer> counts = new HashMap<>();
    private final Map<Long, IntList> where = new HashMap<>();
    private final PriorityQueue<long[]> heap = new PriorityQueue<>(BEST_FIRST);
    private final int[] seen;
    private int stamp;

    /** Token strings by id, with an index back; merged tokens are appended. */
    record Vocab(List<String> tokens, Map<String, Integer> ids, Set<Integer> special) {
    }

    PairMerger(int[][] words, int[] freq, Vocab vocab) {
        this.words = words;
        this.freq = freq;
        this.vocab = vocab;
        this.seen = new int[words.length];
        for (int w = 0; w < words.length; w++) {
            int[] s = words[w];
            for (int i = 0; i + 1 < s.length; i++) {
                long k = key(s[i], s[i + 1]);
                counts.merge(k, freq[w], Integer::sum);
                where.computeIfAbsent(k, x -> new IntList()).addOnce(w);
            }
        }
        counts.forEach((k, c) -> heap.add(new long[] {k, c}));
    }

    /** Learns merges until the vocabulary has {@code targetSize} entries; returns them as (left, right) ids. */
    List<int[]> run(int targetSize, int minFrequency) {
        List<int[]> merges = new ArrayList<>();
        while (vocab.tokens().size() < targetSize && !heap.isEmpty()) {
            long[] top = heap.poll();
            Integer current = counts.get(top[0]);
            if (current == null || current != top[1]) {
                if (current != null) {
                    heap.add(new long[] {top[0], current});
                }
                continue;
            }
            if (current < minFrequency) {
                break;
            }
            int a = (int) (top[0] >>> 32);
            int b = (int) top[0];
            String merged = vocab.tokens().get(a) + vocab.tokens().get(b);
            Integer c = vocab.ids().get(merged);
            if (c != null && vocab.special().contains(c)) {
                counts.remove(top[0]); // never let ordinary text turn into a special token
                continue;
            }
            if (c == null) {
                c = vocab.tokens().size();
                vocab.tokens().add(merged);
                vocab.ids().put(merged, c);
            }
            merges.add(new int[] {a, b});
            apply(top[0], a, b, c);
        }
        return merges;
    }

    private void apply(long pair, int a, int b, int c) {
        IntList affected = where.remove(pair);
        counts.remove(pair);
        stamp++;
        Map<Long, Integer> delta = new HashMap<>();
        for (int j = 0; j < affected.size; j++) {
            int w = affected.values[j];
            if (seen[w] == stamp) {
                continue;
            }
            seen[w] = stamp;
            int[] s = words[w];
            int[] t = mergeWord(s, a, b, c);
            if (t.length == s.length) {
                continue; // a stale index entry: the pair left this word in an earlier merge
            }
            for (int i = 0; i + 1 < s.length; i++) {
                delta.merge(key(s[i], s[i + 1]), -freq[w], Integer::sum);
            }
            for (int i = 0; i + 1 < t.length; i++) {
                long k = key(t[i], t[i + 1]);
                delta.merge(k, freq[w], Integer::sum);
                if (t[i] == c || t[i + 1] == c) {
                    where.computeIfAbsent(k, x -> new IntList()).addOnce(w);
                }
            }
            words[w] = t;
        }
        delta.remove(pair);
        for (Map.Entry<Long, Integer> e : delta.entrySet()) {
            int d = e.getValue();
            if (d == 0) {
                continue;
            }
            int n = counts.getOrDefault(e.getKey(), 0) + d;
            if (n <= 0) {
                counts.remove(e.getKey());
            } else {
                counts.put(e.getKey(), n);
                if (d > 0) {
                    heap.add(new long[] {e.getKey(), n});
                }
            }
        }
    }

    /** {@code s} with every (a, b), left to right, replaced by c. */
    static int[] mergeWord(int[] s, int a, int b, int c) {
        int[] out = new int[s.length];
        int n = 0;
        for (int i = 0; i < s.length; i++) {
            if (i + 1 < s.length && s[i] == a && s[i + 1] == b) {
                out[n++] = c;
                i++;
            } else {
                out[n++] = s[i];
            }
        }
        return n == s.length ? s : Arrays.copyOf(out, n);
    }

    private static long key(int a, int b) {
        return ((long) a << 32) | (b & 0xFFFFFFFFL);
    }

    /** A growable int array that skips a value equal to the last one added. */
    private static final class IntList {
        int[] values = new int[4];
        int size;

        void addOnce(int v) {
            if (size > 0 && values[size - 1] == v) {
                return;
            }
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }
    }
}
