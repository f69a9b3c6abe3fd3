package org.rlhfworkbench.jobs.ppo;

/**
 * One condition's episode state with hysteresis: it starts after the enter test held
 * {@code patience} steps in a row and lasts until the (looser) exit test holds.
 */
final class Latch {
    private final int patience;
    private boolean active;
    private int streak;

    Latch(int patience) {
        this.patience = patience;
    }

    /** Feeds one step; true exactly when an episode of the condition starts. */
    boolean update(boolean enter, boolean exit) {
        if (active) {
            active = !exit;
            return false;
        }
        streak = enter ? streak + 1 : 0;
        if (streak >= patience) {
            active = true;
            streak = 0;
            return true;
        }
        return false;
    }

    boolean active() {
        return active;
    }
}
