package org.rlhfworkbench.jobs.label;

import java.util.List;
import java.util.Map;
import org.rlhfworkbench.core.RankingStatus;

/**
 * What the labeler decided for one prompt.
 *
 * @param shownGenerationIds per slot (shown order): the stored generation id, or null for a response
 *        still generating when the labeler submits (the service waits for it and fills in its id);
 *        an empty list means "the item's responses as shown". Must be complete for {@code replace}.
 * @param ranks per slot (shown order): 1 = best, equal = tie, null = unranked
 * @param status RANKED, SKIPPED, FLAGGED or ALL_BAD
 * @param note the flag note, or null
 * @param ratings per slot: criterion -> 1..5 (empty map when not rated)
 * @param corrections per slot: corrected text, or null (saved as a demonstration, source correction,
 *        ranking above the original)
 * @param writtenAnswer the labeler's own answer, or null (saved as a demonstration, source written)
 */
public record LabelDecision(long promptId, List<Long> shownGenerationIds, List<Integer> ranks, RankingStatus status,
                            String note, List<Map<String, Integer>> ratings, List<String> corrections,
                            String writtenAnswer) {
    public LabelDecision {
        shownGenerationIds = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(shownGenerationIds));
        ranks = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(ranks));
        ratings = List.copyOf(ratings);
        corrections = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(corrections));
    }
}
