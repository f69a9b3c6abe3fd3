package org.rlhfworkbench.lm.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class ScalarHeadTest {

    @Test
    void rewardIsReadAtEachRowsLastRealTokenAndMatchesTheUnpaddedRow() {
        try (CausalLm model = TinyModels.gpt2(4); NDManager m = model.manager().newSubManager()) {
            float[] w = new float[16];
            for (int i = 0; i < 16; i++) {
                w[i] = (i % 3) - 1f;
            }
            ScalarHead head = new ScalarHead(m.create(w, new Shape(1, 16)), m.create(new float[] {0.25f}));
            // row 0: 4 real tokens; row 1: 2 real tokens then right padding
            boolean[][] valid = {{true, true, true, true}, {true, true, false, false}};
            AttentionMask mask = new AttentionMask(valid);
            NDArray hidden = model.hidden(m.create(new long[] {1, 2, 3, 4, 5, 6, 0, 0}, new Shape(2, 4)), mask, null);
            float[] rewards = head.lastToken(hidden, mask).toFloatArray();
            float[] perToken = head.perToken(hidden).toFloatArray();          // (2, 4)
            assertThat(rewards[0]).isCloseTo(perToken[3], within(1e-6f));
            assertThat(rewards[1]).isCloseTo(perToken[4 + 1], within(1e-6f));

            NDArray alone = model.hidden(m.create(new long[] {5, 6}, new Shape(1, 2)), AttentionMask.full(1, 2), null);
            float expected = head.lastToken(alone, AttentionMask.full(1, 2)).toFloatArray()[0];
            assertThat(rewards[1]).isCloseTo(expected, within(1e-5f));
            // by hand: w . h_last + b
            float[] h = alone.toFloatArray();
            double dot = 0.25;
            for (int i = 0; i < 16; i++) {
                dot += w[i] * h[16 + i];
            }
            assertThat(expected).isCloseTo((float) dot, within(1e-5f));
        }
    }
}
