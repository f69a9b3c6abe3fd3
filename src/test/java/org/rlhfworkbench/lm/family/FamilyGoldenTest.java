package org.rlhfworkbench.lm.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rlhfworkbench.core.ModelFacts;
import org.rlhfworkbench.lm.io.ModelConfig;
import org.rlhfworkbench.lm.model.AttentionMask;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.lm.model.Weights;
import org.rlhfworkbench.lm.nd.DecodeLinear;

/**
 * Every family against an independent reference: src/test/python/reference_families.py writes a
 * random checkpoint per case (F32, F16, BF16, sharded, transformers 4 and 5 configs) and computes
 * per-token log-probs with naive float64 forward passes written from transformers' modeling code
 * (no transformers, no Java). The Java forward must match within 1e-4.
 */
public class FamilyGoldenTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"gpt2", "llama", "llama3_rope", "llama_linear_t5", "mistral", "qwen2", "qwen3",
            "gpt_neox", "gpt_neox_serial"})
    void logProbsMatchTheReference(String name) throws Exception {
        checkAgainstGolden(name, false);
    }

    /**
     * The same logits with autograd off and one row at a time (12 positions), so that every linear
     * layer, the head included, runs in the decode kernel (DecodeLinear) where it is available.
     */
    @ParameterizedTest
    @ValueSource(strings = {"gpt2", "llama", "qwen2", "qwen3", "gpt_neox"})
    void logProbsMatchTheReferenceThroughTheDecodeKernel(String name) throws Exception {
        ai.djl.engine.Engine.getEngine("PyTorch");  // JniUtils needs libtorch loaded
        boolean before = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        long calls = DecodeLinear.calls();
        try (AutoCloseable every = DecodeLinear.everySize()) {
            checkAgainstGolden(name, true);
        } finally {
            JniUtils.setGradMode(before);
        }
        if (DecodeLinear.usable()) {
            assertThat(DecodeLinear.calls()).as("linears through the kernel").isGreaterThan(calls);
        }
    }

    private void checkAgainstGolden(String name, boolean rowByRow) throws Exception {
        Path folder = folder(name);
        JsonNode golden = JSON.readTree(folder.resolve("golden.json").toFile());
        Checkpoint cp = Checkpoints.load(folder);
        ModelFamily family = ModelFamilies.of(cp.config());
        try (CausalLm model = family.build(cp.config(), WeightsIo.load(NDManager.newBaseManager(), cp), folder);
             NDManager m = NDManager.newBaseManager()) {
            JsonNode ids = golden.get("input_ids");
            int b = ids.size();
            int t = ids.get(0).size();
            long[] flat = new long[b * t];
            for (int r = 0; r < b; r++) {
                for (int j = 0; j < t; j++) {
                    flat[r * t + j] = ids.get(r).get(j).asLong();
                }
            }
            NDArray logits;                                                          // (B, T, V)
            if (rowByRow) {
                NDList rows = new NDList();
                for (int r = 0; r < b; r++) {
                    long[] row = java.util.Arrays.copyOfRange(flat, r * t, (r + 1) * t);
                    rows.add(model.forward(m.create(row, new ai.djl.ndarray.types.Shape(1, t)),
                            AttentionMask.full(1, t), null));                        // (1, T, V)
                }
                logits = NDArrays.concat(rows, 0);
            } else {
                logits = model.forward(m.create(flat, new ai.djl.ndarray.types.Shape(b, t)),
                        AttentionMask.full(b, t), null);
            }
            int v = (int) logits.getShape().get(2);
            float[] logp = logits.logSoftmax(-1).toFloatArray();
            float[] raw = logits.toFloatArray();
            for (int r = 0; r < b; r++) {
                for (int j = 1; j < t; j++) {
                    double expected = golden.get("logprobs").get(r).get(j - 1).asDouble();
                    float actual = logp[(r * t + j - 1) * v + (int) flat[r * t + j]];
                    assertThat((double) actual).as("%s row %d token %d", name, r, j).isCloseTo(expected, within(1e-4));
                }
            }
            JsonNode head = golden.get("last_logits_head").get(0);
            for (int i = 0; i < head.size(); i++) {
                assertThat((double) raw[(t - 1) * v + i]).as("%s last logit %d", name, i)
                        .isCloseTo(head.get(i).asDouble(), within(1e-4));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gpt2", "llama", "llama3_rope", "llama_linear_t5", "mistral", "qwen2", "qwen3",
            "gpt_neox", "gpt_neox_serial"})
    void configWrittenBackReadsTheSame(String name, @TempDir Path tmp) throws Exception {
        ModelConfig config = HfConfig.read(folder(name));
        HfConfig.write(tmp, config);
        assertThat(HfConfig.read(tmp)).usingRecursiveComparison().ignoringFields("extra").isEqualTo(config);
        assertThat(JSON.readTree(tmp.resolve("config.json").toFile()).get("architectures").get(0).asText())
                .isEqualTo(ModelFamilies.of(config).architecture());
    }

    @ParameterizedTest
    @ValueSource(strings = {"qwen2", "gpt_neox", "llama3_rope"})
    void modelCardsNameFamilySizeAndDtypeWithoutLoadingWeights(String name) throws Exception {
        ModelFacts facts = ModelCards.read(folder(name));
        try (CausalLm model = load(name)) {
            assertThat(facts.parameters()).isEqualTo(model.weights().count());
        }
        assertThat(facts.family()).isEqualTo(HfConfig.read(folder(name)).modelType());
        assertThat(facts.dtype()).isEqualTo(switch (name) {
            case "qwen2" -> "BF16";
            case "gpt_neox" -> "F16";
            default -> "F32";
        });
        assertThat(facts.chatTemplate()).isFalse();
    }

    @org.junit.jupiter.api.Test
    void mistralRefusesInputsLongerThanItsSlidingWindow() throws Exception {
        Checkpoint cp = Checkpoints.load(folder("mistral"));
        org.rlhfworkbench.lm.io.LlamaConfig c = (org.rlhfworkbench.lm.io.LlamaConfig) cp.config();
        org.rlhfworkbench.lm.io.LlamaConfig small = new org.rlhfworkbench.lm.io.LlamaConfig(c.modelType(), c.vocabSize(),
                c.hiddenSize(), c.intermediateSize(), c.numHiddenLayers(), c.numAttentionHeads(), c.numKeyValueHeads(),
                c.rmsNormEps(), c.rope(), c.maxPositionEmbeddings(), c.tieWordEmbeddings(), c.bosTokenId(),
                c.eosTokenIds(), c.hiddenAct(), c.headDim(), c.layout(), 4, c.extra());
        try (CausalLm model = ModelFamilies.of(small).build(small, WeightsIo.load(NDManager.newBaseManager(), cp),
                folder("mistral")); NDManager m = NDManager.newBaseManager()) {
            NDArray four = m.create(new long[] {1, 2, 3, 4}, new ai.djl.ndarray.types.Shape(1, 4));
            assertThat(model.forward(four, AttentionMask.full(1, 4), null).getShape().get(1)).isEqualTo(4);
            NDArray five = m.create(new long[] {1, 2, 3, 4, 5}, new ai.djl.ndarray.types.Shape(1, 5));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> model.forward(five, AttentionMask.full(1, 5), null))
                    .hasMessageContaining("input of 5 tokens is longer than the mistral model's sliding_window of 4");
        }
    }

    /** The golden checkpoint {@code name} as a model (for other numerics tests). */
    /**
     * GPT-2 stores its Conv1D weights (in, out); loaded, they are (out, in) and row-major in memory:
     * a direct buffer over the tensor is the tensor itself (a write shows through), not a copy, so the
     * decode kernel reads them in place.
     */
    @Test
    void transposedWeightsAreLoadedRowMajor() throws Exception {
        Checkpoint cp = Checkpoints.load(folder("gpt2"));
        try (NDManager m = NDManager.newBaseManager()) {
            Weights w = WeightsIo.load(m, cp);
            NDArray a = w.get("transformer.h.0.mlp.c_fc.weight");                        // (4E, E) from (E, 4E)
            float second = a.get(0, 1).getFloat();
            java.nio.ByteBuffer buf = JniUtils.getByteBuffer((ai.djl.pytorch.engine.PtNDArray) a, true)
                    .order(java.nio.ByteOrder.nativeOrder());
            assertThat(buf.getFloat(4)).as("row-major: element (0, 1) second").isEqualTo(second);
            buf.putFloat(4, 123f);
            assertThat(a.get(0, 1).getFloat()).as("the buffer is the tensor's memory").isEqualTo(123f);
        }
    }

    public static CausalLm load(String name) {
        try {
            Path folder = folder(name);
            Checkpoint cp = Checkpoints.load(folder);
            return ModelFamilies.of(cp.config()).build(cp.config(), WeightsIo.load(NDManager.newBaseManager(), cp), folder);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path folder(String name) throws URISyntaxException {
        return Path.of(FamilyGoldenTest.class.getResource("/families/" + name).toURI());
    }
}
