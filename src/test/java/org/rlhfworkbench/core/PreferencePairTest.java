package org.rlhfworkbench.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PreferencePairTest {

    @Test
    void fullRankingOfFourGivesSixOrderedPairs() {
        List<RankingEntry> entries = List.of(new RankingEntry(10, 2), new RankingEntry(11, 1),
                new RankingEntry(12, 4), new RankingEntry(13, 3));
        assertThat(PreferencePair.fromEntries(entries)).containsExactlyInAnyOrder(
                new PreferencePair(11, 10), new PreferencePair(11, 13), new PreferencePair(11, 12),
                new PreferencePair(10, 13), new PreferencePair(10, 12), new PreferencePair(13, 12));
    }

    @Test
    void tiesGiveNoPairBetweenThem() {
        List<RankingEntry> entries = List.of(new RankingEntry(1, 1), new RankingEntry(2, 1), new RankingEntry(3, 3));
        assertThat(PreferencePair.fromEntries(entries)).containsExactlyInAnyOrder(
                new PreferencePair(1, 3), new PreferencePair(2, 3));
    }

    @Test
    void unrankedSitBelowRankedAndGiveNoPairsAmongThemselves() {
        List<RankingEntry> entries = List.of(new RankingEntry(1, null), new RankingEntry(2, 1),
                new RankingEntry(3, null));
        assertThat(PreferencePair.fromEntries(entries)).containsExactlyInAnyOrder(
                new PreferencePair(2, 1), new PreferencePair(2, 3));
    }

    @Test
    void skippedRankingGivesNoPairs() {
        Ranking r = new Ranking(1, 1, RankingStatus.SKIPPED, null, "human",
                List.of(new RankingEntry(1, 1), new RankingEntry(2, 2)), List.of());
        assertThat(r.pairs()).isEmpty();
    }
}
