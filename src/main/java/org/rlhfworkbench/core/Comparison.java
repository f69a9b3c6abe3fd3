package org.rlhfworkbench.core;

import java.util.Map;
import java.util.TreeMap;

/**
 * One blind A/B judgement between two models' answers to the same prompt.
 *
 * @param swapped true when model B's answer was shown on the left (order randomised, stored)
 * @param annotator "human" or "simulated:NAME" (the UI says when votes are simulated)
 * @param reason the annotator's short reason, or null
 * @param criteria optional per-criterion verdicts (helpfulness, harmlessness, honesty), in A/B terms
 */
public record Comparison(long id, long promptId, long modelA, long modelB, long generationA,
                         long generationB, boolean swapped, Winner winner, String annotator, String reason,
                         Map<String, Winner> criteria) {
    public Comparison {
        criteria = criteria == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(criteria));
    }

    /** A vote without reason or per-criterion verdicts. */
    public Comparison(long id, long promptId, long modelA, long modelB, long generationA, long generationB,
                      boolean swapped, Winner winner, String annotator) {
        this(id, promptId, modelA, modelB, generationA, generationB, swapped, winner, annotator, null, Map.of());
    }

    public boolean simulated() {
        return annotator != null && annotator.startsWith("simulated:");
    }
}
