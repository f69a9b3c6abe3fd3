package org.rlhfworkbench.lm.lora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.config.LoraConfig;
import org.rlhfworkbench.lm.LanguageModel;
import org.rlhfworkbench.lm.LanguageModels;
import org.rlhfworkbench.lm.family.ModelFamilies;
import org.rlhfworkbench.lm.io.CheckpointException;
import org.rlhfworkbench.lm.io.Gpt2Config;
import org.rlhfworkbench.lm.io.LlamaConfig;
import org.rlhfworkbench.lm.io.ModelConfig;
import org.rlhfworkbench.lm.io.SafeTensors;
import org.rlhfworkbench.lm.io.TensorData;
import org.rlhfworkbench.lm.model.AttentionMask;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.lm.tokenizer.BpeTrainer;

/** PEFT's folder format: exact key names and shapes, a round trip, merged export, stacked adapters. */
class PeftAdaptersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final long[] IDS = {3, 17, 42, 5, 99, 64, 1, 120};

    @TempDir
    Path tmp;

    /** A random model folder with a small byte-level BPE tokenizer. */
    static Path folder(Path dir, ModelConfig config) throws Exception {
        BpeTrainer.train("the cat sat on the mat. the dog sat on the log. ".repeat(20), 300,
                List.of(BpeTrainer.END_OF_TEXT)).save(dir);
        try (CausalLm model = ModelFamilies.random(config, NDManager.newBaseManager(), 5)) {
            LanguageModels.save(model, config, dir, null);
        }
        return dir;
    }

    static Path llama(Path dir) throws Exception {
        return folder(dir, LlamaConfig.of(320, 32, 64, 2, 4, 128, null, List.of(256)));
    }

    static Path gpt2(Path dir) throws Exception {
        return folder(dir, Gpt2Config.of(320, 64, 32, 2, 4, 256, 256));
    }

    static float[] logits(CausalLm model) {
        return LoraAdapterTest.logits(model);
    }

    @Test
    void keyNamesAndShapesAreExactlyPeftsForLlama() throws Exception {
        Path base = llama(tmp.resolve("base"));
        Path out = tmp.resolve("adapter");
        try (LanguageModel lm = LanguageModels.load(base)) {
            LoraConfig cfg = new LoraConfig(4, 8f, 0.05f, false, List.of(LoraConfig.ALL_LINEAR), 1);
            LoraAdapter adapter = LoraAdapter.attach(lm.model(), cfg);
            LanguageModels.saveAdapter(adapter, cfg, lm.config(), out, base.toString(), base, Map.of());
        }
        Map<String, TensorData> saved = SafeTensors.read(out.resolve("adapter_model.safetensors"));
        List<String> expected = new ArrayList<>();
        for (int l = 0; l < 2; l++) {
            for (String m : List.of("self_attn.q_proj", "self_attn.k_proj", "self_attn.v_proj", "self_attn.o_proj",
                    "mlp.gate_proj", "mlp.up_proj", "mlp.down_proj")) {
                expected.add("base_model.model.model.layers." + l + "." + m + ".lora_A.weight");
                expected.add("base_model.model.model.layers." + l + "." + m + ".lora_B.weight");
            }
        }
        assertThat(new TreeSet<>(saved.keySet())).containsExactlyElementsOf(new TreeSet<>(expected));
        assertThat(saved.get("base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight").shape())
                .containsExactly(4, 32);
        assertThat(saved.get("base_model.model.model.layers.0.mlp.down_proj.lora_A.weight").shape())
                .containsExactly(4, 64);
        assertThat(saved.get("base_model.model.model.layers.1.mlp.up_proj.lora_B.weight").shape())
                .containsExactly(64, 4);
        JsonNode c = JSON.readTree(out.resolve("adapter_config.json").toFile());
        assertThat(c.get("peft_type").asText()).isEqualTo("LORA");
        assertThat(c.get("task_type").asText()).isEqualTo("CAUSAL_LM");
        assertThat(c.get("r").asInt()).isEqualTo(4);
        assertThat(c.get("lora_alpha").asDouble()).isEqualTo(8.0);
        assertThat(c.get("lora_dropout").asDouble()).isCloseTo(0.05, within(1e-6));
        assertThat(c.get("fan_in_fan_out").asBoolean()).isFalse();
        assertThat(c.get("use_rslora").asBoolean()).isFalse();
        assertThat(c.get("bias").asText()).isEqualTo("none");
        assertThat(c.get("base_model_name_or_path").asText()).isEqualTo(base.toString());
        assertThat(c.get("target_modules")).extracting(JsonNode::asText).containsExactlyInAnyOrder(
                "q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj");
        assertThat(Files.exists(out.resolve("tokenizer.json"))).isTrue();
    }

    @Test
    void gpt2IsMarkedFanInFanOutWithAStillRByIn() throws Exception {
        Path base = gpt2(tmp.resolve("base"));
        Path out = tmp.resolve("adapter");
        try (LanguageModel lm = LanguageModels.load(base)) {
            LoraConfig cfg = new LoraConfig(2, 4f, 0f, true, List.of("c_attn"), 1);
            LanguageModels.saveAdapter(LoraAdapter.attach(lm.model(), cfg), cfg, lm.config(), out, "base", base,
                    Map.of());
        }
        Map<String, TensorData> saved = SafeTensors.read(out.resolve("adapter_model.safetensors"));
        assertThat(saved.keySet()).containsExactlyInAnyOrder(
                "base_model.model.transformer.h.0.attn.c_attn.lora_A.weight",
                "base_model.model.transformer.h.0.attn.c_attn.lora_B.weight",
                "base_model.model.transformer.h.1.attn.c_attn.lora_A.weight",
                "base_model.model.transformer.h.1.attn.c_attn.lora_B.weight");
        assertThat(saved.get("base_model.model.transformer.h.0.attn.c_attn.lora_A.weight").shape()).containsExactly(2, 32);
        assertThat(saved.get("base_model.model.transformer.h.0.attn.c_attn.lora_B.weight").shape()).containsExactly(96, 2);
        JsonNode c = JSON.readTree(out.resolve("adapter_config.json").toFile());
        assertThat(c.get("fan_in_fan_out").asBoolean()).isTrue();
        assertThat(c.get("use_rslora").asBoolean()).isTrue();
    }

    @Test
    void anAdapterSavedAndReloadedGivesTheSameLogitsAndMergedExportToo() throws Exception {
        for (Path base : List.of(llama(tmp.resolve("llama")), gpt2(tmp.resolve("gpt2")))) {
            Path adapterDir = base.resolveSibling(base.getFileName() + "-lora");
            Path mergedDir = base.resolveSibling(base.getFileName() + "-merged");
            float[] adapted;
            float[] baseLogits;
            try (LanguageModel lm = LanguageModels.load(base)) {
                baseLogits = logits(lm.model());
                LoraConfig cfg = new LoraConfig(4, 8f, 0f, false, List.of(LoraConfig.ALL_LINEAR), 1);
                LoraAdapter adapter = LoraAdapter.attach(lm.model(), cfg);
                LoraAdapterTest.randomizeB(adapter, 9);
                adapted = logits(lm.model());
                // relative path: resolved against the adapter folder's parents, as a project's models/ are
                LanguageModels.saveAdapter(adapter, cfg, lm.config(), adapterDir, base.getFileName().toString(),
                        lm.folder(), Map.of());
                LanguageModels.saveMerged(lm.model(), adapter, lm.config(), mergedDir, lm.folder());
                assertThat(logits(lm.model())).as("export leaves the weights alone").containsExactly(adapted);
            }
            assertThat(adapted).isNotEqualTo(baseLogits);
            try (LanguageModel back = LanguageModels.load(adapterDir)) {
                assertThat(back.folder()).isEqualTo(adapterDir);
                assertThat(logits(back.model())).containsExactly(adapted, within(1e-5f));
            }
            assertThat(Files.exists(mergedDir.resolve("adapter_config.json"))).isFalse();
            try (LanguageModel merged = LanguageModels.load(mergedDir)) {
                assertThat(logits(merged.model())).containsExactly(adapted, within(1e-5f));
            }
        }
    }

    @Test
    void aRewardHeadGoesToModulesToSaveAndComesBack() throws Exception {
        Path base = llama(tmp.resolve("base"));
        Path out = tmp.resolve("rm");
        float[] head = new float[32];
        for (int i = 0; i < head.length; i++) {
            head[i] = i * 0.01f;
        }
        try (LanguageModel lm = LanguageModels.load(base); NDManager m = NDManager.newBaseManager()) {
            LoraConfig cfg = LoraConfig.defaults();
            LoraAdapter adapter = LoraAdapter.attach(lm.model(), cfg);
            Map<String, NDArray> saved = new LinkedHashMap<>();
            saved.put("score.weight", m.create(head, new Shape(1, 32)));
            LanguageModels.saveAdapter(adapter, cfg, lm.config(), out, base.toString(), base, saved);
        }
        JsonNode c = JSON.readTree(out.resolve("adapter_config.json").toFile());
        assertThat(c.get("task_type").asText()).isEqualTo("SEQ_CLS");
        assertThat(c.get("modules_to_save")).extracting(JsonNode::asText).containsExactly("score");
        assertThat(SafeTensors.read(out.resolve("adapter_model.safetensors"))).containsKey("base_model.model.score.weight");
        try (LanguageModel back = LanguageModels.load(out)) {
            assertThat(back.model().weights().get("score.weight").toFloatArray()).containsExactly(head);
        }
    }

    @Test
    void adaptersOnAdaptersStack() throws Exception {
        Path base = llama(tmp.resolve("models/base"));
        Path first = tmp.resolve("models/sft");
        Path second = tmp.resolve("models/ppo");
        float[] expected;
        try (LanguageModel lm = LanguageModels.load(base)) {
            LoraConfig cfg = new LoraConfig(2, 4f, 0f, false, List.of("q_proj", "v_proj"), 1);
            LoraAdapter a = LoraAdapter.attach(lm.model(), cfg);
            LoraAdapterTest.randomizeB(a, 1);
            LanguageModels.saveAdapter(a, cfg, lm.config(), first, "models/base", base, Map.of());
        }
        try (LanguageModel sft = LanguageModels.load(first)) {
            LoraConfig cfg = new LoraConfig(2, 4f, 0f, false, List.of("down_proj"), 2);
            LoraAdapter b = LoraAdapter.attach(sft.model(), cfg);
            LoraAdapterTest.randomizeB(b, 2);
            expected = logits(sft.model());
            LanguageModels.saveAdapter(b, cfg, sft.config(), second, "models/sft", sft.folder(), Map.of());
        }
        try (LanguageModel ppo = LanguageModels.load(second)) {
            assertThat(logits(ppo.model())).containsExactly(expected, within(1e-5f));
        }
    }

    @Test
    void unsupportedAdaptersFailWithOneLineNamingTheFile() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("dora"));
        Files.writeString(dir.resolve("adapter_config.json"),
                "{\"peft_type\":\"LORA\",\"use_dora\":true,\"base_model_name_or_path\":\"x\",\"r\":8}");
        assertThatThrownBy(() -> LanguageModels.load(dir)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("adapter_config.json").hasMessageContaining("DoRA");
        Files.writeString(dir.resolve("adapter_config.json"),
                "{\"peft_type\":\"LORA\",\"base_model_name_or_path\":\"nowhere/model\",\"r\":8}");
        assertThatThrownBy(() -> LanguageModels.load(dir)).hasMessageContaining("has no adapter_model.safetensors");
        SafeTensors.write(dir.resolve("adapter_model.safetensors"), Map.of(), Map.of());
        assertThatThrownBy(() -> LanguageModels.load(dir)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("'nowhere/model' is not a model folder");
        Files.writeString(dir.resolve("adapter_config.json"), "{\"peft_type\":\"PREFIX_TUNING\"}");
        assertThatThrownBy(() -> LanguageModels.load(dir)).hasMessageContaining("PREFIX_TUNING");
    }
}
