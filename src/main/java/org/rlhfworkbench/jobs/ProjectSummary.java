package org.rlhfworkbench.jobs;

import java.nio.file.Path;
import java.util.List;
import org.rlhfworkbench.core.ProjectCounts;

/**
 * What the main window shows of the open project, read in one go off the UI thread.
 *
 * @param firstPrompts the first {@link ProjectService#PROMPT_PREVIEW_COUNT} prompt texts, each on
 *                     one line and cut to about {@link ProjectService#PROMPT_PREVIEW_CHARS} characters
 */
public record ProjectSummary(String name, Path dir, ProjectCounts counts, List<String> firstPrompts) {
    public ProjectSummary {
        firstPrompts = List.copyOf(firstPrompts);
    }
}
