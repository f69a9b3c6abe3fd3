package org.rlhfworkbench.lm.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rlhfworkbench.lm.model.AttentionMask;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.lm.model.TinyModels;
import org.rlhfworkbench.lm.nd.NoGrad;
import org.rlhfworkbench.lm.optim.Gradients;

/** Chunked lm_head + log-softmax + gather equals a plain loop over the full logits, values and gradients. */
class TargetLogProbsTest {
    private static final int B = 2;
    private static final int T = 7;
    private static final long[] IDS = {3, 14, 15, 9, 26, 5, 35, 8, 9, 7, 9, 3, 2, 38};
    private static final long[] TARGETS = {1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9};

    @ParameterizedTest(name = "chunk {0}")
    @ValueSource(longs = {1, 3, 7, 100})
    void chunkedLogProbsMatchALoopOverTheFullLogits(long chunk) {
        NoGrad.enter();
        try (CausalLm model = TinyModels.llama(2); NDManager m = model.manager().newSubManager()) {
            NDArray ids = m.create(IDS, new Shape(B, T));
            float[] logits = model.forward(ids, AttentionMask.full(B, T), null).toFloatArray();   // (B, T, V)
            int v = model.shape().vocab();
            for (float temperature : new float[] {1f, 0.7f}) {
                NDArray temp = temperature == 1f ? null : m.create(temperature);
                float[] got = TargetLogProbs.of(model, model.hidden(ids, AttentionMask.full(B, T), null),
                        m.create(TARGETS, new Shape(B, T)), temp, chunk).toFloatArray();
                for (int r = 0; r < B * T; r++) {
                    double max = Double.NEGATIVE_INFINITY;
                    for (int j = 0; j < v; j++) {
                        max = Math.max(max, logits[r * v + j] / temperature);
                    }
                    double sum = 0;
                    for (int j = 0; j < v; j++) {
                        sum += Math.exp(logits[r * v + j] / temperature - max);
                    }
                    double expected = logits[r * v + (int) TARGETS[r]] / temperature - max - Math.log(sum);
                    assertThat((double) got[r]).as("position %d, T %s", r, temperature).isCloseTo(expected, within(1e-5));
                }
            }
        }
    }

    @ParameterizedTest(name = "chunk {0}")
    @ValueSource(longs = {1, 3})
    void chunkedGradientsEqualTheWholeTensorGradients(long chunk) {
        float[] whole = embedGradient(T);
        float[] chunked = embedGradient(chunk);
        assertThat(chunked).containsExactly(whole, within(1e-5f));
        double norm = 0;
        for (float g : whole) {
            norm += g * g;
        }
        assertThat(norm).as("a gradient reached the embedding").isGreaterThan(1e-8);
    }

    /** d sum(log p(targets)) / d embed_tokens with the given chunk size. */
    private static float[] embedGradient(long chunk) {
        try (CausalLm model = TinyModels.llama(2)) {
            NDArray embed = model.weights().get("model.embed_tokens.weight");
            Gradients.enable(model.weights().all().values());
            try (NDManager m = model.manager().newSubManager();
                 GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray ids = m.create(IDS, new Shape(B, T));
                NDArray lp = TargetLogProbs.of(model, model.hidden(ids, AttentionMask.full(B, T), null),
                        m.create(TARGETS, new Shape(B, T)), null, chunk);
                gc.backward(lp.sum());
            }
            return embed.getGradient().toFloatArray();
        }
    }
}
