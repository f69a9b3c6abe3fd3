package org.rlhfworkbench.train.grpo;

/**
 * DAPO's soft overlong punishment (Yu et al. 2025) with L_max the length cap and a buffer L_c:
 *   0                                  for |y| <= L_max - L_c
 *   ((L_max - L_c) - |y|) / L_c * p    for L_max - L_c < |y| <= L_max   (reaches -p at the cap)
 * added to the reward after the sources are mixed. Buffer 0 turns it off.
 */
public final class OverlongPenalty {
    private OverlongPenalty() {
    }

    public static double of(int length, int maxLength, int buffer, double penalty) {
        if (buffer <= 0) {
            return 0;
        }
        int free = maxLength - buffer;
        return length <= free ? 0 : (double) (free - length) / buffer * penalty;
    }
}
