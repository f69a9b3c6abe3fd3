package org.rlhfworkbench.lm.lora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rlhfworkbench.core.config.LoraConfig;
import org.rlhfworkbench.lm.family.FamilyGoldenTest;
import org.rlhfworkbench.lm.model.AttentionMask;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.lm.model.LinearAdapter;
import org.rlhfworkbench.lm.optim.Gradients;

/** LoRA's forward, its initialisation and where gradients go, against plain-Java references. */
class LoraAdapterTest {
    static final long[] IDS = {3, 17, 42, 5, 99, 64, 1, 120};

    static float[] logits(CausalLm model) {
        try (NDManager m = model.manager().newSubManager()) {
            return model.forward(m.create(IDS, new Shape(2, 4)), AttentionMask.full(2, 4), null).toFloatArray();
        }
    }

    /** Gives every B random values, so the adapter changes the output. */
    static void randomizeB(LoraAdapter adapter, long seed) {
        Random rng = new Random(seed);
        for (LoraAdapter.Module m : adapter.modules().values()) {
            float[] v = new float[(int) m.b().size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (rng.nextGaussian() * 0.05);
            }
            m.b().set(v);
        }
    }

    /** W + s B A by plain loops over Java arrays: W (out, in), B (out, r), A (r, in). */
    static float[] mergedNaive(float[] w, float[] b, float[] a, int out, int in, int r, float s) {
        float[] res = new float[out * in];
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                double d = 0;
                for (int k = 0; k < r; k++) {
                    d += (double) b[o * r + k] * a[k * in + i];
                }
                res[o * in + i] = (float) (w[o * in + i] + s * d);
            }
        }
        return res;
    }

    @ParameterizedTest
    @ValueSource(strings = {"gpt2", "llama", "mistral", "qwen2", "qwen3", "gpt_neox"})
    void adaptedForwardEqualsTheNaivelyMergedModel(String family) {
        try (CausalLm model = FamilyGoldenTest.load(family); CausalLm merged = FamilyGoldenTest.load(family)) {
            LoraAdapter adapter = LoraAdapter.attach(model, new LoraConfig(4, 8f, 0f, false, List.of("all-linear"), 7));
            randomizeB(adapter, 11);
            adapter.modules().forEach((module, m) -> {
                NDArray w = merged.weights().get(module + ".weight");
                int out = (int) w.getShape().get(0);
                int in = (int) w.getShape().get(1);
                float[] naive = mergedNaive(w.toFloatArray(), m.b().toFloatArray(), m.a().toFloatArray(), out, in,
                        m.rank(), m.scale());
                w.set(naive);
            });
            float[] adapted = logits(model);
            float[] expected = logits(merged);
            assertThat(adapted).containsExactly(expected, within(1e-5f));
            assertThat(adapted).isNotEqualTo(logits(model.withAdapter(LinearAdapter.NONE)));
        }
    }

    @Test
    void applyAddsScaledBaOfEachRowAsALoopComputesIt() {
        try (CausalLm model = FamilyGoldenTest.load("qwen2"); NDManager m = NDManager.newBaseManager()) {
            LoraAdapter adapter = LoraAdapter.attach(model, new LoraConfig(3, 5f, 0f, true, List.of("up_proj"), 1));
            randomizeB(adapter, 2);
            String module = "model.layers.1.mlp.up_proj";
            LoraAdapter.Module p = adapter.modules().get(module);
            assertThat(p.scale()).isCloseTo((float) (5 / Math.sqrt(3)), within(1e-7f));   // rsLoRA
            int in = (int) p.a().getShape().get(1);
            int out = (int) p.b().getShape().get(0);
            NDArray x = m.randomNormal(new Shape(2, 3, in));
            NDArray y = m.randomNormal(new Shape(2, 3, out));
            float[] got = adapter.apply(module, x, y).toFloatArray();
            float[] xs = x.toFloatArray();
            float[] ys = y.toFloatArray();
            float[] a = p.a().toFloatArray();
            float[] b = p.b().toFloatArray();
            for (int row = 0; row < 6; row++) {
                double[] ax = new double[3];
                for (int k = 0; k < 3; k++) {
                    for (int i = 0; i < in; i++) {
                        ax[k] += a[k * in + i] * xs[row * in + i];
                    }
                }
                for (int o = 0; o < out; o++) {
                    double bax = 0;
                    for (int k = 0; k < 3; k++) {
                        bax += b[o * 3 + k] * ax[k];
                    }
                    assertThat(got[row * out + o]).isCloseTo((float) (ys[row * out + o] + p.scale() * bax),
                            within(1e-5f));
                }
            }
            assertThat(adapter.apply("model.layers.1.mlp.down_proj", x, y)).isSameAs(y);
        }
    }

    @Test
    void aFreshAdapterHasKaimingUniformAZeroBAndLeavesTheOutputUnchanged() {
        try (CausalLm model = FamilyGoldenTest.load("llama"); CausalLm base = FamilyGoldenTest.load("llama")) {
            LoraAdapter adapter = LoraAdapter.attach(model, LoraConfig.defaults());
            for (LoraAdapter.Module p : adapter.modules().values()) {
                int in = (int) p.a().getShape().get(1);
                assertThat(p.a().getShape().get(0)).isEqualTo(16);
                float bound = (float) (1 / Math.sqrt(in));
                float[] a = p.a().toFloatArray();
                double var = 0;
                for (float v : a) {
                    assertThat(Math.abs(v)).isLessThanOrEqualTo(bound);
                    var += v * v;
                }
                assertThat(var / a.length).isCloseTo(bound * bound / 3.0, within(0.2 * bound * bound / 3.0));
                assertThat(p.b().toFloatArray()).containsOnly(0f);
                assertThat(p.scale()).isEqualTo(2f);
            }
            assertThat(logits(model)).containsExactly(logits(base));
        }
    }

    @ParameterizedTest
    @CsvSource({"gpt2,4,transformer.h.0.attn.c_attn", "llama,7,model.layers.0.mlp.gate_proj",
            "qwen3,7,model.layers.1.self_attn.o_proj", "gpt_neox,4,gpt_neox.layers.0.mlp.dense_4h_to_h"})
    void allLinearTargetsEveryBlockLinearButNotTheHead(String family, int perLayer, String example) {
        try (CausalLm model = FamilyGoldenTest.load(family)) {
            List<String> modules = LoraTargets.modules(model.weights(), List.of(LoraConfig.ALL_LINEAR));
            assertThat(modules).hasSize(perLayer * model.shape().layers()).contains(example)
                    .noneMatch(n -> n.contains("lm_head") || n.contains("embed") || n.contains("wte"));
        }
    }

    @Test
    void anUnknownTargetIsOneClearError() {
        try (CausalLm model = FamilyGoldenTest.load("gpt2")) {
            assertThatThrownBy(() -> LoraTargets.modules(model.weights(), List.of("q_proj")))
                    .hasMessageContaining("'q_proj' matches no linear layer");
        }
    }

    @Test
    void gradientsReachOnlyAAndB() {
        try (CausalLm model = FamilyGoldenTest.load("qwen2")) {
            LoraAdapter adapter = LoraAdapter.attach(model, new LoraConfig(2, 4f, 0f, false, List.of("q_proj", "down_proj"), 3));
            randomizeB(adapter, 4);
            assertThat(model.trainable().keySet()).containsExactlyElementsOf(adapter.parameters().keySet())
                    .hasSize(8).allMatch(n -> n.endsWith(".lora_A.weight") || n.endsWith(".lora_B.weight"));
            Gradients.enable(model.trainable().values());
            try (NDManager m = model.manager().newSubManager();
                 GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray out = model.forward(m.create(IDS, new Shape(2, 4)), AttentionMask.full(2, 4), null);
                gc.backward(out.square().mean());
            }
            for (NDArray p : adapter.parameters().values()) {
                assertThat(p.getGradient().abs().sum().getFloat()).as(p.getName()).isGreaterThan(0f);
            }
            model.weights().all().forEach((name, w) -> assertThat(w.hasGradient()).as(name).isFalse());
        }
    }

    @Test
    void theReferenceViewIsTheBaseExactlyAndSharesItsWeights() {
        try (CausalLm model = FamilyGoldenTest.load("mistral"); CausalLm base = FamilyGoldenTest.load("mistral")) {
            LoraAdapter adapter = LoraAdapter.attach(model, LoraConfig.defaults());
            randomizeB(adapter, 5);
            CausalLm reference = model.withAdapter(LinearAdapter.NONE);
            assertThat(reference.weights()).isSameAs(model.weights());
            assertThat(logits(reference)).containsExactly(logits(base));
            assertThat(model.adapter()).isSameAs(adapter);
            reference.close();   // frees nothing: the policy still runs
            assertThat(logits(model)).isNotEqualTo(logits(base));
        }
    }
}
