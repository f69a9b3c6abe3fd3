package org.rlhfworkbench.ui.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankingStateTest {

    private static List<Integer> ranks(Integer... values) {
        return Arrays.asList(values);
    }

    @Test
    void pressingCardsRanksThemBestFirst() {
        RankingState state = new RankingState(4);
        state.press(2);
        state.press(0);
        state.press(1);
        state.press(3);

        assertThat(state.ranks()).isEqualTo(ranks(2, 3, 1, 4));
        assertThat(state.summary()).isEqualTo("3 > 1 > 2 > 4");
    }

    @Test
    void tieJoinsTheNextPressedCardToTheCurrentRank() {
        RankingState state = new RankingState(4);
        state.press(2);
        state.tie();
        state.press(0);
        state.press(1);

        assertThat(state.ranks()).isEqualTo(ranks(1, 2, 1, null));
        assertThat(state.badge(2)).isEqualTo("1=");
        assertThat(state.badge(0)).isEqualTo("1=");
        assertThat(state.badge(1)).isEqualTo("2");
        assertThat(state.badge(3)).isEmpty();
        assertThat(state.summary()).isEqualTo("3 = 1 > 2");
    }

    @Test
    void tieBeforeAnyRankDoesNothing() {
        RankingState state = new RankingState(3);

        assertThat(state.tie()).isFalse();
        state.press(1);
        assertThat(state.ranks()).isEqualTo(ranks(null, 1, null));
    }

    @Test
    void pendingTieShowsInTheSummary() {
        RankingState state = new RankingState(3);
        state.press(1);
        state.tie();

        assertThat(state.tiePending()).isTrue();
        assertThat(state.summary()).isEqualTo("2 =");
    }

    @Test
    void partialRankingLeavesTheOthersUnranked() {
        RankingState state = new RankingState(5);
        state.press(4);

        assertThat(state.ranks()).isEqualTo(ranks(null, null, null, null, 1));
        assertThat(state.rankedCount()).isOne();
    }

    @Test
    void pressingARankedCardAgainMovesItToTheEnd() {
        RankingState state = new RankingState(3);
        state.press(0);
        state.press(1);
        state.press(0);

        assertThat(state.ranks()).isEqualTo(ranks(2, 1, null));
    }

    @Test
    void undoTakesBackOneKeyPressAtATime() {
        RankingState state = new RankingState(4);
        state.press(2);
        state.tie();
        state.press(0);

        assertThat(state.undo()).isTrue();
        assertThat(state.ranks()).isEqualTo(ranks(null, null, 1, null));
        assertThat(state.tiePending()).isTrue();
        assertThat(state.undo()).isTrue();
        assertThat(state.tiePending()).isFalse();
        state.press(0);
        assertThat(state.ranks()).isEqualTo(ranks(2, null, 1, null));
    }

    @Test
    void undoWithNothingToUndoReportsIt() {
        assertThat(new RankingState(2).undo()).isFalse();
    }

    @Test
    void clearUnranksAllAndCanBeUndone() {
        RankingState state = new RankingState(3);
        state.press(0);
        state.press(2);
        state.clear();

        assertThat(state.rankedCount()).isZero();
        state.undo();
        assertThat(state.ranks()).isEqualTo(ranks(1, null, 2));
    }

    @Test
    void outOfRangeCardIsIgnored() {
        RankingState state = new RankingState(2);

        assertThat(state.press(2)).isFalse();
        assertThat(state.press(-1)).isFalse();
        assertThat(state.rankedCount()).isZero();
    }

    @Test
    void placeAboveMovesACardDirectlyAboveTheTargetsRank() {
        RankingState state = new RankingState(4);
        state.press(0);
        state.press(1);
        state.placeAbove(3, 1);

        assertThat(state.ranks()).isEqualTo(ranks(1, 3, null, 2));
    }

    @Test
    void placeAboveAnUnrankedCardRanksBothAtTheEnd() {
        RankingState state = new RankingState(3);
        state.press(0);
        state.placeAbove(2, 1);

        assertThat(state.ranks()).isEqualTo(ranks(1, 3, 2));
    }

    @Test
    void tieWithJoinsTheTargetsRank() {
        RankingState state = new RankingState(3);
        state.press(0);
        state.press(1);
        state.tieWith(2, 0);

        assertThat(state.ranks()).isEqualTo(ranks(1, 2, 1));
    }

    @Test
    void ofRanksRebuildsTiesAndGaps() {
        RankingState state = RankingState.ofRanks(ranks(2, null, 1, 2));

        assertThat(state.ranks()).isEqualTo(ranks(2, null, 1, 2));
        assertThat(state.summary()).isEqualTo("3 > 1 = 4");
        state.press(1);
        assertThat(state.ranks()).isEqualTo(ranks(2, 3, 1, 2));
    }

    @Test
    void ofRanksMakesStoredGapsDense() {
        assertThat(RankingState.ofRanks(ranks(1, 3, null)).ranks()).isEqualTo(ranks(1, 2, null));
    }
}
