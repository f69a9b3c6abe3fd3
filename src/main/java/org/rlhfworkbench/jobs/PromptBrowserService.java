package org.rlhfworkbench.jobs;

import java.util.List;
import java.util.Map;
import org.rlhfworkbench.core.Message;
import org.rlhfworkbench.core.Prompt;
import org.rlhfworkbench.core.PromptFilter;
import org.rlhfworkbench.core.PromptListing;
import org.rlhfworkbench.jobs.label.PromptTurns;

/**
 * The prompt browser's queries on the open project: prompts filtered by status and text, the
 * count per status, and one prompt's turns. Blocking; call from a {@link BackgroundExecutor}.
 */
public final class PromptBrowserService {
    /** Rows read per query; the browser says when more match (narrow the search). */
    public static final int MAX_ROWS = 2000;
    public static final int PREVIEW_CHARS = 240;
    private final ProjectService projects;

    public PromptBrowserService(ProjectService projects) {
        this.projects = projects;
    }

    /**
     * @param rows      the matching prompts, lowest id first, at most {@value #MAX_ROWS}
     * @param counts    prompts matching the search, per status filter
     * @param truncated whether more prompts matched than {@code rows} holds
     */
    public record Page(List<PromptListing> rows, Map<PromptFilter, Long> counts, boolean truncated) {
        public Page {
            rows = List.copyOf(rows);
            counts = Map.copyOf(counts);
        }
    }

    /** Prompts whose text contains {@code search} (ignoring case; blank: all) that pass {@code filter}. */
    public Page browse(String search, PromptFilter filter) {
        var prompts = projects.project().prompts();
        List<PromptListing> rows = prompts.listing(search, filter, PREVIEW_CHARS, MAX_ROWS + 1);
        boolean truncated = rows.size() > MAX_ROWS;
        return new Page(truncated ? rows.subList(0, MAX_ROWS) : rows, prompts.filterCounts(search), truncated);
    }

    /** The prompt's turns (one user turn for a plain prompt). */
    public List<Message> turns(long promptId) {
        Prompt p = projects.project().prompts().get(promptId);
        if (p == null) {
            throw new IllegalArgumentException("there is no prompt " + promptId + " in " + projects.project().dir());
        }
        return PromptTurns.of(p);
    }
}
