package org.rlhfworkbench.train.dpo;

import java.util.ArrayList;
import java.util.List;
import org.rlhfworkbench.train.reward.RankedGroup;

/** Pairs from K-way rankings: every ordered pair, or the best against the worst; ties never give a pair. */
public final class DpoPairs {
    private DpoPairs() {
    }

    /**
     * With {@code bestWorst} false: all ordered pairs (w above l), C(K,2) for a full ranking
     * without ties ({@link RankedGroup#pairs()}; an unranked response sits below every ranked one).
     * With it true: one pair per ranking, the first best-ranked response against the first of the
     * worst (unranked counts as worst); none when all are tied.
     */
    public static List<DpoPair> from(List<RankedGroup> groups, boolean bestWorst) {
        List<DpoPair> out = new ArrayList<>();
        for (RankedGroup g : groups) {
            List<int[]> pairs = bestWorst ? bestWorst(g) : g.pairs();
            for (int[] p : pairs) {
                out.add(new DpoPair(g.promptId(), g.prompt(), g.responses().get(p[0]), g.responses().get(p[1])));
            }
        }
        return out;
    }

    private static List<int[]> bestWorst(RankedGroup g) {
        int best = -1;
        int worst = -1;
        for (int i = 0; i < g.ranks().size(); i++) {
            if (g.ranks().get(i) != null && (best < 0 || g.ranks().get(i) < g.ranks().get(best))) {
                best = i;
            }
            if (worst < 0 || below(g.ranks().get(i), g.ranks().get(worst))) {
                worst = i;
            }
        }
        boolean tied = best < 0 || best == worst || g.ranks().get(best).equals(g.ranks().get(worst));
        return tied ? List.of() : List.<int[]>of(new int[] {best, worst});
    }

    /** True when rank a is strictly worse than rank b (null = unranked = worst). */
    private static boolean below(Integer a, Integer b) {
        return b != null && (a == null || a > b);
    }
}
