package org.rlhfworkbench.core;

/**
 * The rank of one response inside a ranking: 1 is best; equal ranks are ties; null is unranked
 * (below every ranked response, and no pair among unranked ones).
 */
public record RankingEntry(long generationId, Integer rank) {
    public RankingEntry {
        if (rank != null && rank < 1) {
            throw new IllegalArgumentException("rank must be >= 1, was " + rank);
        }
    }

    public boolean isRanked() {
        return rank != null;
    }
}
