package org.rlhfworkbench.core;

import java.util.List;

/**
 * A labeler's decision about the K responses of one prompt.
 *
 * @param displayOrder generation ids in the order they were shown (randomised per prompt)
 * @param annotator "human", "import" or "simulated:NAME" (the UI says when labels are simulated)
 */
public record Ranking(long id, long promptId, RankingStatus status, String note, String annotator,
                      List<RankingEntry> entries, List<Long> displayOrder) {
    public Ranking {
        entries = List.copyOf(entries);
        displayOrder = displayOrder == null ? List.of() : List.copyOf(displayOrder);
    }

    /** The ordered preference pairs this ranking stands for (none unless status is RANKED). */
    public List<PreferencePair> pairs() {
        return status == RankingStatus.RANKED ? PreferencePair.fromEntries(entries) : List.of();
    }
}
