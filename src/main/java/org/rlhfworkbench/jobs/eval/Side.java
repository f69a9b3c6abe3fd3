package org.rlhfworkbench.jobs.eval;

import org.rlhfworkbench.core.Winner;

/** A verdict as the annotator saw it: by the side the answer was shown on. */
public enum Side {
    LEFT, RIGHT, TIE, BOTH_BAD;

    /** The verdict in model terms: with {@code swapped}, model B's answer was on the left. */
    public Winner toWinner(boolean swapped) {
        return switch (this) {
            case LEFT -> swapped ? Winner.B : Winner.A;
            case RIGHT -> swapped ? Winner.A : Winner.B;
            case TIE -> Winner.TIE;
            case BOTH_BAD -> Winner.BOTH_BAD;
        };
    }
}
