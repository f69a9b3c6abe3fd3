package org.rlhfworkbench.ui.project;

import org.rlhfworkbench.core.PromptListing;

/**
 * One line of the prompt browser.
 *
 * @param line   the prompt on one line ("3 turns · " first for a conversation)
 * @param status "unlabeled", "ranked", "all bad", "skipped" or "flagged", plus " · demo" when a demonstration answers it
 */
public record PromptRow(long id, String line, String status, boolean conversation) {
    static final int LINE_CHARS = 160;

    static PromptRow of(PromptListing p) {
        String text = p.preview() == null ? "" : p.preview().strip().replaceAll("\\s+", " ");
        String line = text.length() <= LINE_CHARS ? text : text.substring(0, LINE_CHARS - 1).stripTrailing() + "…";
        return new PromptRow(p.id(), line, p.statusLabel() + (p.hasDemonstration() ? " · demo" : ""), p.conversation());
    }
}
