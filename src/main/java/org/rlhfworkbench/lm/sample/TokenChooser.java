package org.rlhfworkbench.lm.sample;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Picks the next token from one row of tempered log-probs: greedy, or sampling from the
 * distribution truncated to the top-k tokens and then to the top-p nucleus, renormalised.
 */
final class TokenChooser {
    private TokenChooser() {
    }

    static int choose(Dist d, int off, int vocab, SamplingParams p, SplittableRandom rng) {
        float[] logp = d.logp();
        if (p.temperature() == 0f) {
            return argmax(logp, off, vocab);
        }
        if (p.topK() == 0 && p.topP() >= 1f) {
            return inverseCdf(d.prob(), off, vocab, rng.nextDouble());
        }
        double cutoff = Double.NEGATIVE_INFINITY;  // keep tokens with logp >= cutoff
        if (p.topK() > 0 && p.topK() < vocab) {
            cutoff = kthLargest(logp, off, vocab, p.topK());
        }
        if (p.topP() < 1f) {
            cutoff = Math.max(cutoff, nucleusCutoff(logp, off, vocab, p.topP(), cutoff));
        }
        double total = 0;
        for (int i = 0; i < vocab; i++) {
            if (logp[off + i] >= cutoff) {
                total += Math.exp(logp[off + i]);
            }
        }
        double u = rng.nextDouble() * total;
        int last = -1;
        for (int i = 0; i < vocab; i++) {
            if (logp[off + i] >= cutoff) {
                u -= Math.exp(logp[off + i]);
                last = i;
                if (u <= 0) {
                    return i;
                }
            }
        }
        return last;  // rounding left a sliver: take the last kept token
    }

    /** The untruncated case: walk the probabilities until their running sum passes u. */
    private static int inverseCdf(float[] prob, int off, int vocab, double u) {
        double acc = 0;
        int last = 0;
        for (int i = 0; i < vocab; i++) {
            if (prob[off + i] > 0) {
                acc += prob[off + i];
                last = i;
                if (acc > u) {
                    return i;
                }
            }
        }
        return last;
    }

    static int argmax(float[] a, int off, int n) {
        int best = 0;
        for (int i = 1; i < n; i++) {
            if (a[off + i] > a[off + best]) {
                best = i;
            }
        }
        return best;
    }

    private static double kthLargest(float[] logp, int off, int vocab, int k) {
        float[] copy = Arrays.copyOfRange(logp, off, off + vocab);
        Arrays.sort(copy);
        return copy[vocab - k];
    }

    /** The smallest log-prob inside the nucleus: most likely tokens first until their mass reaches p. */
    private static double nucleusCutoff(float[] logp, int off, int vocab, float topP, double floor) {
        float[] sorted = Arrays.copyOfRange(logp, off, off + vocab);
        Arrays.sort(sorted);
        double kept = 0;
        for (int i = 0; i < vocab; i++) {
            if (sorted[i] >= floor) {
                kept += Math.exp(sorted[i]);
            }
        }
        double mass = 0;
        for (int i = vocab - 1; i >= 0; i--) {
            mass += Math.exp(sorted[i]) / kept;
            if (mass >= topP) {
                return sorted[i];
            }
        }
        return sorted[0];
    }
}
