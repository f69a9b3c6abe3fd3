package org.rlhfworkbench.lm.io;

import org.rlhfworkbench.lm.family.ExpectedTensors;
import org.rlhfworkbench.lm.family.HfConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HfConfigTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String LLAMA3 = """
        {"model_type": "llama", "architectures": ["LlamaForCausalLM"], "vocab_size": 128256,
         "hidden_size": 64, "intermediate_size": 160, "num_hidden_layers": 2, "num_attention_heads": 4,
         "num_key_value_heads": 2, "rms_norm_eps": 1e-05, "rope_theta": 500000.0,
         "max_position_embeddings": 131072, "tie_word_embeddings": true, "bos_token_id": 128000,
         "eos_token_id": [128001, 128008, 128009], "hidden_act": "silu", "pretraining_tp": 1,
         "rope_scaling": {"factor": 8.0, "low_freq_factor": 1.0, "high_freq_factor": 4.0,
                          "original_max_position_embeddings": 8192, "rope_type": "llama3"}}
        """;
    @TempDir
    Path dir;

    @Test
    void readsTheRealTinyGpt2Config() {
        Gpt2Config config = (Gpt2Config) HfConfig.read(Fixtures.tinyGpt2());
        assertThat(config).extracting(Gpt2Config::vocabSize, Gpt2Config::nPositions, Gpt2Config::nEmbd,
                Gpt2Config::nLayer, Gpt2Config::nHead, Gpt2Config::nInner, Gpt2Config::layerNormEpsilon,
                Gpt2Config::activationFunction, Gpt2Config::bosTokenId, Gpt2Config::eosTokenId,
                Gpt2Config::tieWordEmbeddings)
                .containsExactly(50257, 1024, 2, 2, 2, null, 1e-5, "gelu_new", 50256, 50256, true);
        assertThat(config.innerSize()).isEqualTo(8);
        assertThat(config.eosTokenIds()).containsExactly(50256);
        assertThat(config.extra().fieldNames()).toIterable().contains("n_ctx", "task_specific_params", "attn_pdrop")
                .doesNotContain("n_embd", "model_type");
    }

    @Test
    void writingTheRealConfigBackKeepsEveryKeyAndValue() throws IOException {
        Path real = Fixtures.tinyGpt2();
        HfConfig.write(dir, HfConfig.read(real));
        ObjectNode original = (ObjectNode) MAPPER.readTree(real.resolve("config.json").toFile());
        ObjectNode written = (ObjectNode) MAPPER.readTree(dir.resolve("config.json").toFile());
        assertThat(written).isEqualTo(original.put("tie_word_embeddings", true));
    }

    @Test
    void saveLoadSaveIsByteIdentical() throws IOException {
        HfConfig.write(dir.resolve("a"), HfConfig.read(Fixtures.tinyGpt2()));
        HfConfig.write(dir.resolve("b"), HfConfig.read(dir.resolve("a")));
        assertThat(dir.resolve("b/config.json")).hasSameBinaryContentAs(dir.resolve("a/config.json"));
    }

    @Test
    void writesJsonLaidOutAsTransformersDoes() {
        String json = HfConfig.toJsonString(Gpt2Config.of(100, 64, 16, 2, 2, 0, 0));
        assertThat(json).startsWith("{\n  \"activation_function\": \"gelu_new\",\n  \"architectures\": [\n"
                + "    \"GPT2LMHeadModel\"\n  ],\n  \"bos_token_id\": 0,\n").endsWith("\"vocab_size\": 100\n}\n")
                .contains("\"n_inner\": null,", "\"torch_dtype\": \"float32\",", "\"transformers_version\": \"",
                        "\"model_type\": \"gpt2\",", "\"tie_word_embeddings\": true,");
    }

    @Test
    void readsLlama3WithListEosAndGroupedQueryAttention() throws IOException {
        Fixtures.writeConfig(dir, LLAMA3);
        LlamaConfig config = (LlamaConfig) HfConfig.read(dir);
        assertThat(config.eosTokenIds()).containsExactly(128001, 128008, 128009);
        assertThat(config).extracting(LlamaConfig::numKeyValueHeads, LlamaConfig::headDim, LlamaConfig::ropeTheta,
                LlamaConfig::maxPositions, LlamaConfig::tieWordEmbeddings)
                .containsExactly(2, 16, 500000.0, 131072, true);
        assertThat(config.rope().type()).isEqualTo("llama3");
    }

    @Test
    void llamaDefaultsFollowTransformers() throws IOException {
        Fixtures.writeConfig(dir, """
            {"model_type": "llama", "vocab_size": 50, "hidden_size": 32, "intermediate_size": 64,
             "num_hidden_layers": 1, "num_attention_heads": 4, "eos_token_id": 2}""");
        LlamaConfig config = (LlamaConfig) HfConfig.read(dir);
        assertThat(config).extracting(LlamaConfig::numKeyValueHeads, LlamaConfig::headDim, LlamaConfig::ropeTheta,
                LlamaConfig::tieWordEmbeddings, LlamaConfig::hiddenAct, LlamaConfig::rmsNormEps)
                .containsExactly(4, 8, 10000.0, false, "silu", 1e-6);
        assertThat(config.eosTokenIds()).containsExactly(2);
        assertThat(config.rope()).isEqualTo(RopeParams.plain(10000.0));
    }

    @Test
    void llamaRoundTripWritesTransformersKeysAndKeepsExtras() throws IOException {
        Fixtures.writeConfig(dir.resolve("in"), LLAMA3);
        ModelConfig config = HfConfig.read(dir.resolve("in"));
        HfConfig.write(dir.resolve("out"), config);
        ObjectNode written = (ObjectNode) MAPPER.readTree(dir.resolve("out/config.json").toFile());
        assertThat(written.get("architectures").get(0).asText()).isEqualTo("LlamaForCausalLM");
        assertThat(written.get("eos_token_id")).hasSize(3);
        assertThat(written.get("head_dim").asInt()).isEqualTo(16);
        assertThat(written.get("pretraining_tp").asInt()).isEqualTo(1);
        assertThat(written.get("rope_scaling").get("factor").asDouble()).isEqualTo(8.0);
        assertThat(HfConfig.read(dir.resolve("out"))).usingRecursiveComparison().ignoringFields("extra")
                .isEqualTo(config);
    }

    @Test
    void unknownModelTypeIsNamed() throws IOException {
        Fixtures.writeConfig(dir, "{\"model_type\": \"bert\"}");
        assertThatThrownBy(() -> HfConfig.read(dir)).isInstanceOf(CheckpointException.class)
                .hasMessage("unknown model_type 'bert' in " + dir.resolve("config.json") + "; supported: gpt2, llama, mistral, qwen2, qwen3, gpt_neox");
    }

    @Test
    void missingConfigJsonNamesThePath() {
        assertThatThrownBy(() -> HfConfig.read(dir)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("no config.json in model folder " + dir);
    }

    @Test
    void missingFolderNamesThePath() {
        Path absent = dir.resolve("nowhere");
        assertThatThrownBy(() -> HfConfig.read(absent)).isInstanceOf(CheckpointException.class)
                .hasMessage("model folder not found: " + absent);
    }

    @Test
    void wrongTypeNamesTheKey() throws IOException {
        Fixtures.writeConfig(dir, "{\"model_type\": \"gpt2\", \"n_embd\": \"two\"}");
        assertThatThrownBy(() -> HfConfig.read(dir)).isInstanceOf(CheckpointException.class)
                .hasMessage(dir.resolve("config.json") + ": \"n_embd\" must be an integer, found \"two\"");
    }

    @Test
    void inconsistentSizesNameTheFile() throws IOException {
        Fixtures.writeConfig(dir, "{\"model_type\": \"gpt2\", \"n_embd\": 10, \"n_head\": 3}");
        assertThatThrownBy(() -> HfConfig.read(dir)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining(dir.resolve("config.json").toString())
                .hasMessageContaining("n_embd 10 is not divisible by n_head 3");
    }

    @Test
    void llamaWithBiasesExpectsBiasTensors() throws IOException {
        Fixtures.writeConfig(dir, "{\"model_type\": \"llama\", \"attention_bias\": true, \"num_hidden_layers\": 1}");
        LlamaConfig config = (LlamaConfig) HfConfig.read(dir);
        assertThat(config.layout()).isEqualTo(new LlamaConfig.Layout(true, true, false, false));
        assertThat(ExpectedTensors.of(config)).extracting(TensorSpec::name)
                .contains("model.layers.0.self_attn.q_proj.bias", "model.layers.0.self_attn.o_proj.bias")
                .doesNotContain("model.layers.0.mlp.up_proj.bias");
    }

    @Test
    void unsupportedRopeTypeIsNamedWithTheFile() throws IOException {
        Fixtures.writeConfig(dir, "{\"model_type\": \"llama\", \"rope_scaling\": {\"rope_type\": \"yarn\", \"factor\": 4.0}}");
        assertThatThrownBy(() -> HfConfig.read(dir)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining(dir.resolve("config.json").toString())
                .hasMessageContaining("rope_type 'yarn', which is not supported (supported: default, linear, llama3)");
    }

    @Test
    void eosOutsideTheVocabularyIsRefused() throws IOException {
        Fixtures.writeConfig(dir, "{\"model_type\": \"qwen2\", \"vocab_size\": 100, \"eos_token_id\": [5, 100]}");
        assertThatThrownBy(() -> HfConfig.read(dir)).isInstanceOf(CheckpointException.class)
                .hasMessage(dir.resolve("config.json") + ": eos_token_id 100 is outside the vocabulary (vocab_size 100)");
    }

    @Test
    void eosComesFromGenerationConfigWhenConfigHasNone() throws IOException {
        Fixtures.writeConfig(dir, "{\"model_type\": \"qwen2\", \"vocab_size\": 100}");
        java.nio.file.Files.writeString(dir.resolve("generation_config.json"), "{\"eos_token_id\": [7, 9]}");
        assertThat(HfConfig.read(dir).eosTokenIds()).containsExactly(7, 9);
    }

    @Test
    void invalidJsonIsReportedWithTheFile() throws IOException {
        Fixtures.writeConfig(dir, "{\"model_type\": ");
        assertThatThrownBy(() -> HfConfig.read(dir)).isInstanceOf(CheckpointException.class)
                .hasMessageStartingWith(dir.resolve("config.json") + ": not valid JSON");
    }

    @Test
    void freshConfigsRoundTrip() {
        for (ModelConfig config : List.of(Gpt2Config.of(300, 32, 8, 2, 2, 1, 2),
                LlamaConfig.of(300, 16, 40, 2, 4, 64, 1, List.of(2, 3)))) {
            HfConfig.write(dir.resolve(config.modelType()), config);
            ModelConfig back = HfConfig.read(dir.resolve(config.modelType()));
            assertThat(back).usingRecursiveComparison().ignoringFields("extra").isEqualTo(config);
            assertThat(back.extra().fieldNames()).toIterable().containsExactly("transformers_version");
        }
        assertThat(Files.exists(dir.resolve("gpt2/config.json"))).isTrue();
    }
}
