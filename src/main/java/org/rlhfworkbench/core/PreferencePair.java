package org.rlhfworkbench.core;

import java.util.ArrayList;
import java.util.List;

/** One ordered pair: the response {@code chosenId} was preferred over {@code rejectedId}. */
public record PreferencePair(long chosenId, long rejectedId) {

    /**
     * Expands a K-way ranking into its ordered pairs, as InstructGPT does: every (w, l) with
     * rank(w) better than rank(l). Ties give no pair; an unranked response sits below all ranked
     * ones, and two unranked responses give no pair. A full ranking of K gives C(K,2) pairs.
     */
    public static List<PreferencePair> fromEntries(List<RankingEntry> entries) {
        List<PreferencePair> pairs = new ArrayList<>();
        for (RankingEntry w : entries) {
            if (!w.isRanked()) {
                continue;
            }
            for (RankingEntry l : entries) {
                boolean below = !l.isRanked() || l.rank() > w.rank();
                if (l != w && below) {
                    pairs.add(new PreferencePair(w.generationId(), l.generationId()));
                }
            }
        }
        return pairs;
    }
}
