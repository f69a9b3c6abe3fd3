package org.rlhfworkbench.train.dpo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rlhfworkbench.train.reward.RankedGroup;

class DpoPairsTest {
    static RankedGroup group(Integer... ranks) {
        List<int[]> responses = new java.util.ArrayList<>();
        for (int i = 0; i < ranks.length; i++) {
            responses.add(new int[] {10 + i, 0});
        }
        return new RankedGroup(7, new int[] {1, 2}, responses, Arrays.asList(ranks), null);
    }

    static List<String> names(List<DpoPair> pairs) {
        return pairs.stream().map(p -> (p.chosen()[0] - 10) + ">" + (p.rejected()[0] - 10)).toList();
    }

    @Test
    void allPairsOfAFullRankingAreKChooseTwo() {
        assertThat(DpoPairs.from(List.of(group(2, 1, 4, 3)), false)).hasSize(6);
    }

    @Test
    void tiesGiveNoPair() {
        assertThat(names(DpoPairs.from(List.of(group(1, 2, 2)), false))).containsExactly("0>1", "0>2");
    }

    @Test
    void bestWorstKeepsOnePairPerPrompt() {
        assertThat(names(DpoPairs.from(List.of(group(2, 1, 4, 3)), true))).containsExactly("1>2");
    }

    @Test
    void bestWorstCountsUnrankedAsWorstAndSkipsAllTied() {
        assertThat(names(DpoPairs.from(List.of(group(2, null, 1)), true))).containsExactly("2>1");
        assertThat(DpoPairs.from(List.of(group(1, 1, 1)), true)).isEmpty();
    }
}
