package org.rlhfworkbench.core;

/**
 * One row of the prompt browser.
 *
 * @param preview          the start of the prompt's text (its turns rendered one after another for a conversation)
 * @param conversation     whether the prompt is a conversation (user / assistant turns)
 * @param latest           the newest decision about the prompt, or null when it has none (unlabeled)
 * @param hasDemonstration whether any demonstration (written, correction, imported) answers the prompt
 */
public record PromptListing(long id, String preview, boolean conversation, RankingStatus latest,
                            boolean hasDemonstration) {

    /** "unlabeled", "ranked", "all bad", "skipped" or "flagged". */
    public String statusLabel() {
        return latest == null ? PromptFilter.UNLABELED.label() : latest.dbName().replace('_', ' ');
    }
}
