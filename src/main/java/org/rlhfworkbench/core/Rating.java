package org.rlhfworkbench.core;

/** A Likert rating (1-5) of one response on one criterion, e.g. helpfulness. */
public record Rating(long id, long generationId, String criterion, int value, String annotator) {
    public Rating {
        if (value < 1 || value > 5) {
            throw new IllegalArgumentException("rating must be 1..5, was " + value);
        }
    }
}
