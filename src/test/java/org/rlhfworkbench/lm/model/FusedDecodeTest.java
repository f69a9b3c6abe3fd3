package org.rlhfworkbench.lm.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rlhfworkbench.lm.nd.NoGrad;

/**
 * The Llama family's decode path (fused q|k|v weights held by the cache, grouped-query attention
 * without repeated keys) gives the logits of the plain per-module full forward, and an adapter
 * turns the fused path off so that it reaches q, k and v.
 */
class FusedDecodeTest {
    private static final long[] SEQ = {4, 8, 15, 16, 23, 42, 1, 2};

    static Stream<Arguments> models() {
        return Stream.concat(Stream.of(Arguments.of("llama", TinyModels.llama(2))),
                Stream.of("qwen2", "qwen3", "mistral", "llama3_rope")
                        .map(f -> Arguments.of("golden " + f, org.rlhfworkbench.lm.family.FamilyGoldenTest.load(f))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void fusedCachedDecodeMatchesPerModuleFullForward(String name, CausalLm model) {
        NoGrad.enter();
        try (model) {
            float[] full = ForwardConsistencyTest.logits(model, SEQ);   // no cache: per-module q, k, v
            try (KvCache cache = model.newCache(1, 16)) {
                float[] cached = decode(model, cache);
                assertThat(cache.derivedCount()).as("fused weights built").isGreaterThan(0);
                for (int i = 0; i < full.length; i++) {
                    assertThat(cached[i]).as("%s logit %d", name, i).isCloseTo(full[i], within(3e-5f));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void anAdapterTurnsTheFusedPathOffAndReachesQkv(String name, CausalLm model) {
        NoGrad.enter();
        try (model) {
            float[] plain = ForwardConsistencyTest.logits(model, SEQ);
            model.setAdapter((module, x, y) -> module.endsWith("k_proj") ? y.add(0.25f) : y);
            float[] full = ForwardConsistencyTest.logits(model, SEQ);
            try (KvCache cache = model.newCache(1, 16)) {
                float[] cached = decode(model, cache);
                assertThat(cache.derivedCount()).as("no fused weights with an adapter").isZero();
                double changed = 0;
                for (int i = 0; i < full.length; i++) {
                    assertThat(cached[i]).as("%s logit %d", name, i).isCloseTo(full[i], within(3e-5f));
                    changed = Math.max(changed, Math.abs(full[i] - plain[i]));
                }
                assertThat(changed).as("the adapter changed the logits").isGreaterThan(1e-4);
            }
        }
    }

    /** Prefill 3 tokens, then one at a time; all logits (T * V) in order. */
    private static float[] decode(CausalLm model, KvCache cache) {
        int v = model.shape().vocab();
        float[] out = new float[SEQ.length * v];
        try (NDManager m = model.manager().newSubManager()) {
            AttentionMask mask = AttentionMask.full(1, 3);
            float[] pre = model.forward(m.create(new long[] {SEQ[0], SEQ[1], SEQ[2]}, new Shape(1, 3)), mask, cache)
                    .toFloatArray();
            System.arraycopy(pre, 0, out, 0, pre.length);
            for (int t = 3; t < SEQ.length; t++) {
                mask = mask.extend(1, new boolean[] {true});
                float[] step = model.forward(m.create(new long[] {SEQ[t]}, new Shape(1, 1)), mask, cache).toFloatArray();
                System.arraycopy(step, 0, out, t * v, v);
            }
        }
        return out;
    }
}
