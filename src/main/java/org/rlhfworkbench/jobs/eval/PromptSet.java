package org.rlhfworkbench.jobs.eval;

/** Which prompts the arena asks. */
public enum PromptSet {
    /** The prompts PPO holds out (never trained on), as `rlhf compare` uses. */
    HELD_OUT("held-out prompts"),
    /** Prompts without a ranking yet. */
    UNLABELED("unlabeled prompts"),
    /** Prompts read from a file (TXT one per line, or JSONL {"prompt"}), added to the project. */
    FILE("prompts from a file"),
    /** Every prompt of the project. */
    ALL("all prompts");

    private final String label;

    PromptSet(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
