package org.rlhfworkbench.jobs;

/** What changed in the open project; every view listens to {@link ProjectService#addListener} and refreshes itself. */
public enum ProjectChange {
    /** Another project was opened or created. */
    OPENED,
    /** A labeling decision was stored, replaced or undone. */
    LABELS,
    /** Prompts, demonstrations or preferences were imported. */
    DATA,
    /** A model was added, renamed or deleted. */
    MODELS,
    /** A run started or ended (an ended run may have added a model). */
    RUNS
}
