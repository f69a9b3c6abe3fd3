package org.rlhfworkbench.jobs.label;

import java.util.List;

/**
 * One prompt to label and its K responses in the order shown (randomised per prompt; the order
 * is stored with the decision). Model names are not part of it: labeling is blind.
 *
 * @param rankingId set when this item reopens an earlier decision, else null
 */
public record LabelItem(long promptId, String promptText, List<ResponseStream> responses, Long rankingId) {
    public LabelItem {
        responses = List.copyOf(responses);
    }
}
