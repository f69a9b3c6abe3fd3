package org.rlhfworkbench.lm.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.lm.model.Gpt2Lm;
import org.rlhfworkbench.lm.model.RandomInit;

/** Two micro-batches of one row accumulate to the same update as one batch of two rows. */
class GradientAccumulationTest {

    @Test
    void accumulatedMicroBatchesEqualTheFullBatch() {
        long[] both = new long[2 * 17];
        for (int i = 0; i < both.length; i++) {
            both[i] = (i * 5 + 3) % 60;
        }
        long[] row0 = java.util.Arrays.copyOfRange(both, 0, 17);
        long[] row1 = java.util.Arrays.copyOfRange(both, 17, 34);
        double[] fullNorm = new double[1];
        double[] accNorm = new double[1];
        float[] full = afterOneStep(1, fullNorm, (model, m, micro) -> TrainingTest.loss(model, m, both, 2, 16));
        float[] accumulated = afterOneStep(2, accNorm,
                (model, m, micro) -> TrainingTest.loss(model, m, micro == 0 ? row0 : row1, 1, 16));
        // the gradient norm is scale-sensitive (Adam's first step is not): both must match
        assertThat(accNorm[0]).isCloseTo(fullNorm[0], within(1e-5 * fullNorm[0]));
        assertThat(accumulated).containsExactly(full, within(1e-6f));
    }

    interface Fn {
        ai.djl.ndarray.NDArray loss(CausalLm model, NDManager m, int micro);
    }

    static float[] afterOneStep(int micros, double[] norm, Fn fn) {
        try (CausalLm model = new Gpt2Lm(RandomInit.gpt2(NDManager.newBaseManager(), TrainingTest.SHAPE, 7),
                TrainingTest.SHAPE, 1e-5f);
             Trainer t = new Trainer(model.weights().all(), model.manager(),
                     new OptimizerConfig(0.9f, 0.95f, 1e-8f, 0.1f, 0f), new LrSchedule(LrSchedule.Kind.CONSTANT, 1e-2f, 0, 0, 1f))) {
            norm[0] = t.step(micros, (m, micro) -> fn.loss(model, m, micro)).gradNorm();
            Map<String, ai.djl.ndarray.NDArray> w = model.weights().all();
            return w.get("transformer.h.0.attn.c_attn.weight").toFloatArray();
        }
    }
}
