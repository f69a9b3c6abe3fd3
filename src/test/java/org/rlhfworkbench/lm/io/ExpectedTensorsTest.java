package org.rlhfworkbench.lm.io;

import org.rlhfworkbench.lm.family.ExpectedTensors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpectedTensorsTest {
    private static final Path FOLDER = Path.of("models", "m1");
    private static final Gpt2Config GPT2 = Gpt2Config.of(11, 7, 4, 2, 2, 0, 0);
    private static final LlamaConfig LLAMA = new LlamaConfig("llama", 13, 32, 48, 2, 4, 2, 1e-6,
            RopeParams.plain(10000), 64, false, 1, List.of(2), "silu", 8, null, null, null);

    private static TensorSpec find(ModelConfig config, String name) {
        return ExpectedTensors.of(config).stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void gpt2ListsConv1DWeightsTransposed() {
        assertThat(ExpectedTensors.of(GPT2)).hasSize(2 + 12 * 2 + 2 + 1);
        assertThat(find(GPT2, "transformer.h.1.attn.c_attn.weight").shape()).containsExactly(4, 12);
        assertThat(find(GPT2, "transformer.h.1.mlp.c_fc.weight").shape()).containsExactly(4, 16);
        assertThat(find(GPT2, "transformer.h.1.mlp.c_proj.weight").shape()).containsExactly(16, 4);
        assertThat(find(GPT2, "transformer.wpe.weight").shape()).containsExactly(7, 4);
        assertThat(find(GPT2, "lm_head.weight").optional()).isTrue();
    }

    @Test
    void llamaListsGroupedQueryProjections() {
        assertThat(ExpectedTensors.of(LLAMA)).hasSize(1 + 9 * 2 + 1 + 1);
        assertThat(find(LLAMA, "model.layers.1.self_attn.q_proj.weight").shape()).containsExactly(32, 32);
        assertThat(find(LLAMA, "model.layers.1.self_attn.k_proj.weight").shape()).containsExactly(16, 32);
        assertThat(find(LLAMA, "model.layers.1.self_attn.o_proj.weight").shape()).containsExactly(32, 32);
        assertThat(find(LLAMA, "model.layers.1.mlp.down_proj.weight").shape()).containsExactly(32, 48);
        assertThat(find(LLAMA, "lm_head.weight").optional()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(nullValues = "DROPPED", value = {
        "gpt2, h.0.attn.c_attn.weight, transformer.h.0.attn.c_attn.weight",
        "gpt2, wte.weight, transformer.wte.weight",
        "gpt2, ln_f.bias, transformer.ln_f.bias",
        "gpt2, transformer.h.0.attn.c_attn.bias, transformer.h.0.attn.c_attn.bias",
        "gpt2, transformer.h.0.attn.bias, DROPPED",
        "gpt2, h.1.attn.masked_bias, DROPPED",
        "gpt2, lm_head.weight, lm_head.weight",
        "gpt2, score.weight, score.weight",
        "llama, layers.0.mlp.up_proj.weight, model.layers.0.mlp.up_proj.weight",
        "llama, norm.weight, model.norm.weight",
        "llama, model.layers.3.self_attn.rotary_emb.inv_freq, DROPPED",
        "llama, lm_head.weight, lm_head.weight"})
    void normalizeNameAddsPrefixesAndDropsBuffers(String family, String stored, String expected) {
        ModelConfig config = family.equals("gpt2") ? GPT2 : LLAMA;
        assertThat(ExpectedTensors.normalizeName(stored, config).orElse(null)).isEqualTo(expected);
    }

    @Test
    void completeTensorsPassAndBareNamesAreAccepted() {
        Map<String, TensorData> bare = new LinkedHashMap<>();
        Fixtures.randomTensors(GPT2, 1).forEach((name, t) -> {
            String stored = name.replaceFirst("^transformer\\.", "");
            bare.put(stored, t.withName(stored));
        });
        bare.put("h.0.attn.bias", TensorData.ofFloats("h.0.attn.bias", new long[] {1}, new float[] {1}));
        ExpectedTensors.check(bare, GPT2, FOLDER);
        assertThat(ExpectedTensors.normalize(bare, GPT2, FOLDER)).hasSize(28)
                .allSatisfy((name, tensor) -> assertThat(tensor.name()).isEqualTo(name));
        ExpectedTensors.check(Fixtures.randomTensors(LLAMA, 2), LLAMA, FOLDER);
    }

    @Test
    void missingTensorIsNamed() {
        Map<String, TensorData> tensors = Fixtures.randomTensors(GPT2, 1);
        tensors.remove("transformer.h.1.ln_2.bias");
        assertThatThrownBy(() -> ExpectedTensors.check(tensors, GPT2, FOLDER)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining(FOLDER.toString())
                .hasMessageContaining("tensor 'transformer.h.1.ln_2.bias' is missing");
    }

    @Test
    void untiedLlamaNeedsItsHead() {
        Map<String, TensorData> tensors = Fixtures.randomTensors(LLAMA, 1);
        tensors.remove("lm_head.weight");
        assertThatThrownBy(() -> ExpectedTensors.check(tensors, LLAMA, FOLDER))
                .hasMessageContaining("tensor 'lm_head.weight' is missing");
    }

    @Test
    void wrongShapeIsNamedWithExpectedAndFound() {
        Map<String, TensorData> tensors = Fixtures.randomTensors(GPT2, 1);
        String name = "transformer.h.0.attn.c_attn.weight";
        tensors.put(name, TensorData.ofFloats(name, new long[] {12, 4}, new float[48]));
        assertThatThrownBy(() -> ExpectedTensors.check(tensors, GPT2, FOLDER)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining(FOLDER.toString())
                .hasMessageContaining("tensor '" + name + "' has shape [12, 4], expected [4, 12]");
    }

    @Test
    void integerWeightsAreRefused() {
        Map<String, TensorData> tensors = Fixtures.randomTensors(GPT2, 1);
        tensors.put("transformer.ln_f.bias", new TensorData("transformer.ln_f.bias", DType.I32, new long[] {4},
                ByteBuffer.allocate(16)));
        assertThatThrownBy(() -> ExpectedTensors.check(tensors, GPT2, FOLDER))
                .hasMessageContaining("tensor 'transformer.ln_f.bias' has dtype I32");
    }

    @Test
    void aTensorStoredUnderBothNamesIsRefused() {
        Map<String, TensorData> tensors = Fixtures.randomTensors(GPT2, 1);
        tensors.put("wte.weight", tensors.get("transformer.wte.weight").withName("wte.weight"));
        assertThatThrownBy(() -> ExpectedTensors.check(tensors, GPT2, FOLDER))
                .hasMessageContaining("'transformer.wte.weight' is stored twice");
    }
}
