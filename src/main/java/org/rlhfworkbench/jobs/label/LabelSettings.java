package org.rlhfworkbench.jobs.label;

import java.util.List;

/**
 * Per-project labeling settings (stored in project meta).
 *
 * @param k responses per prompt, {@value #MIN_K} to {@value #MAX_K}
 * @param ratingsEnabled whether per-criterion 1-5 ratings are asked for
 * @param criteria rating criteria, default helpfulness, harmlessness, honesty
 * @param guidelinesMarkdown the project's labeling guidelines
 * @param simulatedNote non-null when some labels in the project come from a simulated annotator
 */
public record LabelSettings(int k, boolean ratingsEnabled, List<String> criteria, String guidelinesMarkdown,
                            String simulatedNote) {
    /** Fewest answers per prompt: a ranking needs two. */
    public static final int MIN_K = 2;
    /** Most answers per prompt: one number key (1..9) ranks each card. */
    public static final int MAX_K = 9;
    public static final List<String> DEFAULT_CRITERIA = List.of("helpfulness", "harmlessness", "honesty");

    public LabelSettings {
        if (k < MIN_K || k > MAX_K) {
            throw new IllegalArgumentException("K must be " + MIN_K + ".." + MAX_K + ", was " + k);
        }
        criteria = List.copyOf(criteria);
    }
}
