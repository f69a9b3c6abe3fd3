package org.rlhfworkbench.core;

/**
 * One blind A/B judgement between two models' answers to the same prompt.
 *
 * @param swapped true when model B's answer was shown on the left (order randomised, stored)
 */
public record Comparison(long id, long promptId, long modelA, long modelB, long generationA,
                         long generationB, boolean swapped, Winner winner, String annotator) {
}
