package org.rlhfworkbench.core;

/** The headline counts of a project, shown in the main window and by `project info`. */
public record ProjectCounts(long prompts, long generations, long rankings, long pairs,
                            long demonstrations, long models, long runs, long comparisons) {
}
