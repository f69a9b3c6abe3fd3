package org.rlhfworkbench.jobs.label;

import java.util.List;

/**
 * Per-project labeling settings (stored in project meta).
 *
 * @param k responses per prompt, 2 to 9
 * @param ratingsEnabled whether per-criterion 1-5 ratings are asked for
 * @param criteria rating criteria, default helpfulness, harmlessness, honesty
 * @param guidelinesMarkdown the project's labeling guidelines
 * @param simulatedNote non-null when some labels in the project come from a simulated annotator
 */
public record LabelSettings(int k, boolean ratingsEnabled, List<String> criteria, String guidelinesMarkdown,
                            String simulatedNote) {
    public static final List<String> DEFAULT_CRITERIA = List.of("helpfulness", "harmlessness", "honesty");

    public LabelSettings {
        if (k < 2 || k > 9) {
            throw new IllegalArgumentException("K must be 2..9, was " + k);
        }
        criteria = List.copyOf(criteria);
    }
}
