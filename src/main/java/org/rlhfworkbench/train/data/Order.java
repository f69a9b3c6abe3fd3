package org.rlhfworkbench.train.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Data order as a pure function of (seed, epoch): resuming at step s replays exactly the batches
 * an uninterrupted run would see, with no RNG state to save.
 */
public final class Order {
    private Order() {
    }

    /** Indices 0..n-1 shuffled for {@code epoch}. */
    public static List<Integer> epoch(int n, long seed, long epoch) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            idx.add(i);
        }
        Collections.shuffle(idx, new Random(seed * 1_000_003L + epoch));
        return idx;
    }

    /** The example indices of global step {@code step} with {@code perStep} examples per step. */
    public static List<Integer> batch(int n, int perStep, long seed, long step) {
        int stepsPerEpoch = Math.max(1, (n + perStep - 1) / perStep);
        long epoch = step / stepsPerEpoch;
        int at = (int) (step % stepsPerEpoch) * perStep;
        List<Integer> order = epoch(n, seed, epoch);
        return order.subList(at, Math.min(n, at + perStep));
    }

    /**
     * {@code count} indices from position {@code from} of the endless sequence of shuffled epochs
     * (epoch 0, then epoch 1, ...): unlike {@link #batch}, a window that crosses an epoch end
     * continues into the next epoch instead of coming back short.
     */
    public static List<Integer> window(int n, int count, long seed, long from) {
        List<Integer> out = new ArrayList<>();
        List<Integer> order = null;
        long epoch = -1;
        for (long p = from; p < from + count && n > 0; p++) {
            if (p / n != epoch) {
                epoch = p / n;
                order = epoch(n, seed, epoch);
            }
            out.add(order.get((int) (p % n)));
        }
        return out;
    }

    /** True for the ids held out for validation: a seeded hash of the id, so the split is stable. */
    public static boolean heldOut(long id, long seed, double fraction) {
        long h = id * 0x9E3779B97F4A7C15L + seed;
        h ^= h >>> 31;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 29;
        return (h >>> 11) * 0x1.0p-53 < fraction;
    }
}
