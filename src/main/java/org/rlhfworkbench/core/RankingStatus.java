package org.rlhfworkbench.core;

/** What the labeler decided for one prompt's responses. Only RANKED gives preference pairs. */
public enum RankingStatus {
    RANKED, SKIPPED, FLAGGED, ALL_BAD;

    public String dbName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static RankingStatus fromDb(String s) {
        return valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }
}
