package org.rlhfworkbench.jobs.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CorrectionRanksTest {
    private static List<Integer> ranks(Integer... r) {
        return Arrays.asList(r);
    }

    @Test
    void withoutCorrectionsTheLabelersRanksAreKeptExactly() {
        CorrectionRanks r = CorrectionRanks.of(ranks(3, 1, 3, null), Set.of());
        assertThat(r.originals()).containsExactly(3, 1, 3, null);
        assertThat(r.corrections()).containsOnlyNulls();
    }

    @Test
    void aCorrectionRanksJustAboveItsOriginalAndBelowWhatWasAbove() {
        CorrectionRanks r = CorrectionRanks.of(ranks(1, 2, 3, null), Set.of(1));
        assertThat(r.originals()).containsExactly(1, 3, 4, null);
        assertThat(r.corrections()).containsExactly(null, 2, null, null);
    }

    @Test
    void correctingTheBestResponseMakesTheCorrectionTheOnlyBest() {
        CorrectionRanks r = CorrectionRanks.of(ranks(1, 1, 2), Set.of(0));
        assertThat(r.originals()).containsExactly(2, 2, 3);
        assertThat(r.corrections()).containsExactly(1, null, null);
    }

    @Test
    void correctionsOfTiedResponsesTie() {
        CorrectionRanks r = CorrectionRanks.of(ranks(2, 1, 2), Set.of(0, 2));
        assertThat(r.originals()).containsExactly(3, 1, 3);
        assertThat(r.corrections()).containsExactly(2, null, 2);
    }

    @Test
    void aCorrectionOfAnUnrankedResponseRanksBelowEveryRankedOne() {
        CorrectionRanks r = CorrectionRanks.of(ranks(1, null, 2), Set.of(1));
        assertThat(r.originals()).containsExactly(1, null, 2);
        assertThat(r.corrections()).containsExactly(null, 3, null);
    }

    @Test
    void aCorrectionWhenNothingIsRankedRanksFirst() {
        CorrectionRanks r = CorrectionRanks.of(ranks(null, null), Set.of(0));
        assertThat(r.originals()).containsExactly(null, null);
        assertThat(r.corrections()).containsExactly(1, null);
    }
}
