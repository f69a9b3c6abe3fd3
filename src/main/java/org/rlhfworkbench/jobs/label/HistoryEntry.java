package org.rlhfworkbench.jobs.label;

import java.time.Instant;
import org.rlhfworkbench.core.RankingStatus;

/** One earlier decision in the history panel; {@code simulated} marks rubric-made labels. */
public record HistoryEntry(long rankingId, long promptId, String promptText, RankingStatus status, String summary,
                           boolean simulated, Instant at) {
}
