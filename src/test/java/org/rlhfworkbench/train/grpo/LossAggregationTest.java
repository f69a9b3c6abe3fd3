package org.rlhfworkbench.train.grpo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.rlhfworkbench.lm.nd.Scalars;

/**
 * Per-token losses l = [[1, 2, 3], [4, 9, 9]] with mask [[1, 1, 1], [1, 0, 0]] (the 9s are padding
 * and must not count), L_max = 5:
 *   token mean (DAPO)     (1 + 2 + 3 + 4) / 4          = 2.5
 *   sequence mean (GRPO)  ((1 + 2 + 3) / 3 + 4 / 1) / 2 = 3.0
 *   constant (Dr. GRPO)   (1 + 2 + 3 + 4) / (2 * 5)    = 1.0
 */
class LossAggregationTest {
    static double aggregate(LossAggregation a) {
        try (NDManager m = NDManager.newBaseManager()) {
            Scalars c = new Scalars(m);
            NDArray l = m.create(new float[] {1, 2, 3, 4, 9, 9}, new Shape(2, 3));
            NDArray mask = m.create(new float[] {1, 1, 1, 1, 0, 0}, new Shape(2, 3));
            return a.aggregate(l, mask, 5, c).getFloat();
        }
    }

    @Test
    void tokenMeanWeighsEveryTokenTheSame() {
        assertThat(aggregate(LossAggregation.TOKEN_MEAN)).isCloseTo(2.5, within(1e-6));
    }

    @Test
    void sequenceMeanWeighsEveryAnswerTheSame() {
        assertThat(aggregate(LossAggregation.SEQUENCE_MEAN)).isCloseTo(3.0, within(1e-6));
    }

    @Test
    void constantDividesByBatchTimesTheLengthCap() {
        assertThat(aggregate(LossAggregation.CONSTANT)).isCloseTo(1.0, within(1e-6));
    }
}
