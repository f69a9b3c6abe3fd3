package org.rlhfworkbench.ui.label;

/** What the labeling view shows: an empty state with a reason, or a prompt to label. */
public enum Phase {
    NO_PROJECT, LOADING, NO_SERVICE, ERROR, LABELING, FINISHED;

    /** True when the cards are shown; every other phase shows the empty state's title and detail. */
    public boolean showsCards() {
        return this == LABELING;
    }
}
