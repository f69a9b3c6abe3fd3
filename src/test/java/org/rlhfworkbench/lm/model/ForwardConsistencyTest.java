package org.rlhfworkbench.lm.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Batched = single, padded = unpadded, cached = uncached, for every family. */
class ForwardConsistencyTest {
    static final java.nio.file.Path TINY_GPT2 = java.nio.file.Path.of(
            System.getProperty("rlhf.shared.dir", "../shared"), "models/tiny-gpt2");

    static Stream<Arguments> models() {
        Stream<Arguments> random = Stream.concat(Stream.of(Arguments.of("gpt2", TinyModels.gpt2(1)),
                Arguments.of("llama", TinyModels.llama(2))),
                Stream.of("qwen2", "qwen3", "gpt_neox", "gpt_neox_serial", "llama3_rope", "mistral")
                        .map(f -> Arguments.of("golden " + f, org.rlhfworkbench.lm.family.FamilyGoldenTest.load(f))));
        if (!java.nio.file.Files.isDirectory(TINY_GPT2)) {
            return random;  // ../shared absent: the random models still run
        }
        org.rlhfworkbench.lm.LanguageModel real = org.rlhfworkbench.lm.LanguageModels.load(TINY_GPT2);
        return Stream.concat(random, Stream.of(Arguments.of("hf tiny-gpt2", real.model())));
    }

    static float[] logits(CausalLm model, long[] ids) {
        try (NDManager m = model.manager().newSubManager()) {
            NDArray x = m.create(ids, new Shape(1, ids.length));
            return model.forward(x, AttentionMask.full(1, ids.length), null).toFloatArray();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void leftPaddedBatchMatchesSingleRows(String name, CausalLm model) {
        long[] a = {5, 9, 2, 33, 7};
        long[] b = {11, 3};
        int v = model.shape().vocab();
        float[] la = logits(model, a);
        float[] lb = logits(model, b);
        try (NDManager m = model.manager().newSubManager()) {
            long[] ids = {5, 9, 2, 33, 7, 0, 0, 0, 11, 3};
            boolean[][] valid = {{true, true, true, true, true}, {false, false, false, true, true}};
            float[] batch = model.forward(m.create(ids, new Shape(2, 5)), new AttentionMask(valid), null).toFloatArray();
            assertAllFinite(batch);
            for (int i = 0; i < 5 * v; i++) {
                assertThat(batch[i]).isCloseTo(la[i], within(1e-5f));
            }
            for (int t = 0; t < 2; t++) {
                for (int j = 0; j < v; j++) {
                    assertThat(batch[(5 + 3 + t) * v + j]).isCloseTo(lb[t * v + j], within(1e-5f));
                }
            }
        } finally {
            model.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void cachedIncrementalForwardMatchesFullForward(String name, CausalLm model) {
        long[] seq = {4, 8, 15, 16, 23, 42, 1, 2};
        int v = model.shape().vocab();
        float[] full = logits(model, seq);
        try (NDManager m = model.manager().newSubManager(); KvCache cache = model.newCache(1, 16)) {
            AttentionMask mask = AttentionMask.full(1, 3);
            NDArray prefill = model.forward(m.create(new long[] {4, 8, 15}, new Shape(1, 3)), mask, cache);
            float[] got = prefill.toFloatArray();
            for (int i = 0; i < 3 * v; i++) {
                assertThat(got[i]).isCloseTo(full[i], within(3e-5f));
            }
            for (int t = 3; t < seq.length; t++) {
                mask = mask.extend(1, new boolean[] {true});
                float[] step = model.forward(m.create(new long[] {seq[t]}, new Shape(1, 1)), mask, cache).toFloatArray();
                for (int j = 0; j < v; j++) {
                    assertThat(step[j]).as("position %d", t).isCloseTo(full[t * v + j], within(3e-5f));
                }
            }
            assertThat(cache.length()).isEqualTo(seq.length);
        } finally {
            model.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void repeatedCacheRowsContinueLikeTheOriginal(String name, CausalLm model) {
        int v = model.shape().vocab();
        float[] full = logits(model, new long[] {3, 1, 4, 1, 5});
        try (NDManager m = model.manager().newSubManager(); KvCache cache = model.newCache(1, 8)) {
            AttentionMask mask = AttentionMask.full(1, 4);
            model.forward(m.create(new long[] {3, 1, 4, 1}, new Shape(1, 4)), mask, cache);
            cache.selectRows(new int[] {0, 0, 0});
            mask = mask.select(new int[] {0, 0, 0}).extend(1, new boolean[] {true, true, true});
            NDArray out = model.forward(m.create(new long[] {5, 5, 5}, new Shape(3, 1)), mask, cache);
            float[] rows = out.get(new NDIndex(":, 0, :")).toFloatArray();
            for (int r = 0; r < 3; r++) {
                for (int j = 0; j < v; j++) {
                    assertThat(rows[r * v + j]).isCloseTo(full[4 * v + j], within(1e-5f));
                }
            }
        } finally {
            model.close();
        }
    }

    static void assertAllFinite(float[] a) {
        for (float x : a) {
            assertThat(Float.isFinite(x)).isTrue();
        }
    }
}
