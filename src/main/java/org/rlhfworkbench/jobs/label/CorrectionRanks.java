package org.rlhfworkbench.jobs.label;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where corrected responses enter a ranking: each correction ranks strictly better than the
 * response it corrects and no better than anything ranked above that response (so it ties
 * with the corrections of tied responses). A correction of an unranked response ranks below
 * every ranked one. Ranks are renumbered densely (1, 2, 3, ...) only when there are corrections;
 * without corrections the labeler's ranks are kept exactly.
 *
 * @param originals new rank per slot (null = unranked)
 * @param corrections rank of the correction per slot, null where the slot was not corrected
 */
record CorrectionRanks(List<Integer> originals, List<Integer> corrections) {

    static CorrectionRanks of(List<Integer> ranks, Set<Integer> correctedSlots) {
        int k = ranks.size();
        List<Integer> none = Collections.nCopies(k, null);
        if (correctedSlots.isEmpty()) {
            return new CorrectionRanks(Collections.unmodifiableList(new ArrayList<>(ranks)), none);
        }
        int worst = ranks.stream().filter(r -> r != null).mapToInt(Integer::intValue).max().orElse(0);
        // keys: an original of rank r sits at 2r, its correction at 2r - 1 (just above it)
        Long[] original = new Long[k];
        Long[] correction = new Long[k];
        TreeSet<Long> keys = new TreeSet<>();
        for (int s = 0; s < k; s++) {
            Integer r = ranks.get(s);
            if (r != null) {
                original[s] = 2L * r;
                keys.add(original[s]);
            }
            if (correctedSlots.contains(s)) {
                correction[s] = 2L * (r != null ? r : worst + 1) - 1;
                keys.add(correction[s]);
            }
        }
        List<Long> dense = new ArrayList<>(keys);
        List<Integer> o = new ArrayList<>();
        List<Integer> c = new ArrayList<>();
        for (int s = 0; s < k; s++) {
            o.add(original[s] == null ? null : dense.indexOf(original[s]) + 1);
            c.add(correction[s] == null ? null : dense.indexOf(correction[s]) + 1);
        }
        return new CorrectionRanks(Collections.unmodifiableList(o), Collections.unmodifiableList(c));
    }
}
