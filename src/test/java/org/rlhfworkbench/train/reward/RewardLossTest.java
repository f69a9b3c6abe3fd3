package org.rlhfworkbench.train.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RewardLossTest {

    static double logSigmoid(double x) {
        return -Math.log(1 + Math.exp(-x));
    }

    static RankedGroup group(Integer... ranks) {
        return new RankedGroup(1, new int[] {1}, List.of(new int[] {2}, new int[] {3}, new int[] {4}),
                Arrays.asList(ranks), null);
    }

    @Test
    void threeResponsesRankedInOrderGiveTheMeanOverTheirThreePairs() {
        try (NDManager m = NDManager.newBaseManager()) {
            RankedGroup g = group(1, 2, 3);
            float loss = RewardLoss.of(m.create(new float[] {1.0f, 0.5f, -0.2f}), g.pairs(), null, 0, m).getFloat();
            double want = -(logSigmoid(0.5) + logSigmoid(1.2) + logSigmoid(0.7)) / 3;  // C(3,2) = 3 pairs
            assertThat(loss).isCloseTo((float) want, within(1e-6f));
        }
    }

    @Test
    void aTieGivesNoPairAndUnrankedSitsBelow() {
        try (NDManager m = NDManager.newBaseManager()) {
            RankedGroup tie = group(1, 1, 3);
            assertThat(tie.pairs()).extracting(p -> p[0] + ">" + p[1]).containsExactlyInAnyOrder("0>2", "1>2");
            float loss = RewardLoss.of(m.create(new float[] {1.0f, 0.5f, -0.2f}), tie.pairs(), null, 0, m).getFloat();
            assertThat(loss).isCloseTo((float) (-(logSigmoid(1.2) + logSigmoid(0.7)) / 2), within(1e-6f));
            assertThat(group(2, null, 1).pairs()).extracting(p -> p[0] + ">" + p[1])
                    .containsExactlyInAnyOrder("2>0", "2>1", "0>1");
        }
    }

    @Test
    void marginAndCentringAddTheirTerms() {
        try (NDManager m = NDManager.newBaseManager()) {
            RankedGroup g = group(1, 2, null);  // pairs 0>1, 0>2, 1>2
            float[] r = {2f, 1f, -1f};
            double[] margins = {0.5, 1.0, 0.25};
            float loss = RewardLoss.of(m.create(r), g.pairs(), margins, 0.1, m).getFloat();
            double want = -(logSigmoid(1 - 0.5) + logSigmoid(3 - 1.0) + logSigmoid(2 - 0.25)) / 3
                    + 0.1 * (4 + 1 + 1) / 3.0;
            assertThat(loss).isCloseTo((float) want, within(1e-6f));
        }
    }

    @Test
    void logSigmoidStaysFiniteForHugeDifferences() {
        try (NDManager m = NDManager.newBaseManager()) {
            float loss = RewardLoss.of(m.create(new float[] {-500f, 500f}), List.of(new int[] {0, 1}), null, 0, m)
                    .getFloat();
            assertThat(loss).isCloseTo(1000f, within(1e-3f));
        }
    }
}
