package org.rlhfworkbench.core;

/**
 * The prompt browser's status filters. A prompt's status is its newest decision's
 * ({@link RankingStatus}), or unlabeled when it has none; "has demonstration" cuts across them.
 */
public enum PromptFilter {
    ALL("all"),
    UNLABELED("unlabeled"),
    RANKED("ranked"),
    ALL_BAD("all bad"),
    SKIPPED("skipped"),
    FLAGGED("flagged"),
    HAS_DEMONSTRATION("has demonstration");

    private final String label;

    PromptFilter(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether a prompt whose newest decision is {@code latest} (null: none) passes this filter. */
    public boolean accepts(RankingStatus latest, boolean hasDemonstration) {
        return switch (this) {
            case ALL -> true;
            case UNLABELED -> latest == null;
            case RANKED -> latest == RankingStatus.RANKED;
            case ALL_BAD -> latest == RankingStatus.ALL_BAD;
            case SKIPPED -> latest == RankingStatus.SKIPPED;
            case FLAGGED -> latest == RankingStatus.FLAGGED;
            case HAS_DEMONSTRATION -> hasDemonstration;
        };
    }
}
