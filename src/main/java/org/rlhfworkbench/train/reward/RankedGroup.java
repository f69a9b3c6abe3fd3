package org.rlhfworkbench.train.reward;

import java.util.ArrayList;
import java.util.List;

/**
 * One prompt with its K responses and their ranks (1 = best, equal = tie, null = unranked):
 * the unit the reward model trains on, all K responses in one forward pass.
 *
 * @param prompt prompt token ids
 * @param responses response token ids, each ending with EOS
 * @param ranks per response
 * @param quality optional per-response rating (e.g. mean Likert score) for the margin option, or null
 */
public record RankedGroup(long promptId, int[] prompt, List<int[]> responses, List<Integer> ranks,
                          List<Double> quality) {

    /** Ordered pairs (winner index, loser index): ties give none, unranked sit below every ranked one. */
    public List<int[]> pairs() {
        List<int[]> out = new ArrayList<>();
        for (int w = 0; w < ranks.size(); w++) {
            for (int l = 0; l < ranks.size(); l++) {
                Integer rw = ranks.get(w);
                Integer rl = ranks.get(l);
                if (w != l && rw != null && (rl == null || rl > rw)) {
                    out.add(new int[] {w, l});
                }
            }
        }
        return out;
    }
}
