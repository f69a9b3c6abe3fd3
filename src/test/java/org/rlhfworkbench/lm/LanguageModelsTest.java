package org.rlhfworkbench.lm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.lm.io.CheckpointException;
import org.rlhfworkbench.lm.io.Gpt2Config;
import org.rlhfworkbench.lm.io.LlamaConfig;
import org.rlhfworkbench.lm.io.ModelConfig;
import org.rlhfworkbench.lm.family.ModelFamilies;
import org.rlhfworkbench.lm.model.AttentionMask;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.lm.tokenizer.BpeTrainer;

class LanguageModelsTest {
    static final Path TINY_GPT2 = Path.of(System.getProperty("rlhf.shared.dir", "../shared"), "models/tiny-gpt2");

    @TempDir
    Path tmp;

    static float[] logits(CausalLm model, int[] ids) {
        long[] l = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            l[i] = ids[i];
        }
        try (NDManager m = model.manager().newSubManager()) {
            return model.forward(m.create(l, new Shape(1, l.length)), AttentionMask.full(1, l.length), null)
                    .toFloatArray();
        }
    }

    @Test
    void theRealTinyGpt2LoadsAndGivesFiniteLogits() {
        assumeTrue(Files.isDirectory(TINY_GPT2), "../shared/models/tiny-gpt2 is absent");
        try (LanguageModel lm = LanguageModels.load(TINY_GPT2)) {
            assertThat(lm.config()).isInstanceOf(Gpt2Config.class);
            int[] ids = lm.tokenizer().encode("Hello, my dog is cute");
            float[] out = logits(lm.model(), ids);
            assertThat(out).hasSize(ids.length * 50257);
            for (float x : out) {
                assertThat(Float.isFinite(x)).isTrue();
            }
        }
    }

    @Test
    void gpt2SaveLoadSaveGivesIdenticalBytesAndLogits() throws Exception {
        assumeTrue(Files.isDirectory(TINY_GPT2), "../shared/models/tiny-gpt2 is absent");
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        float[] before;
        try (LanguageModel lm = LanguageModels.load(TINY_GPT2)) {
            before = logits(lm.model(), new int[] {15496, 11, 616});
            LanguageModels.save(lm.model(), lm.config(), a, TINY_GPT2);
        }
        assertThat(Files.readAllBytes(a.resolve("model.safetensors")))
                .isEqualTo(Files.readAllBytes(TINY_GPT2.resolve("model.safetensors")));
        try (LanguageModel lm = LanguageModels.load(a)) {
            assertThat(logits(lm.model(), new int[] {15496, 11, 616})).containsExactly(before);
            LanguageModels.save(lm.model(), lm.config(), b, a);
        }
        for (String f : List.of("model.safetensors", "config.json", "tokenizer.json", "generation_config.json")) {
            assertThat(Files.readAllBytes(b.resolve(f))).as(f).isEqualTo(Files.readAllBytes(a.resolve(f)));
        }
    }

    @Test
    void aLlamaCheckpointWrittenWithRandomWeightsReloadsToIdenticalLogits() throws Exception {
        Path dir = tmp.resolve("llama");
        BpeTrainer.train("the cat sat on the mat. the dog sat on the log. ".repeat(20), 300,
                List.of(BpeTrainer.END_OF_TEXT)).save(dir);
        LlamaConfig config = LlamaConfig.of(320, 32, 64, 2, 4, 128, null, List.of(256));
        config = new LlamaConfig(config.modelType(), config.vocabSize(), config.hiddenSize(),
                config.intermediateSize(), config.numHiddenLayers(), config.numAttentionHeads(), 2, config.rmsNormEps(),
                config.rope(), config.maxPositionEmbeddings(), false, config.bosTokenId(), config.eosTokenIds(), "silu",
                config.headDim(), config.layout(), null, config.extra());
        float[] before;
        try (CausalLm model = build(config, 5)) {
            before = logits(model, new int[] {1, 2, 3, 4, 5});
            LanguageModels.save(model, config, dir, null);
        }
        byte[] first = Files.readAllBytes(dir.resolve("model.safetensors"));
        try (LanguageModel lm = LanguageModels.load(dir)) {
            assertThat(ModelFamilies.of(lm.config()).shape(lm.config())).isEqualTo(ModelFamilies.of(config).shape(config));
            assertThat(lm.config().eosTokenIds()).containsExactly(256);
            assertThat(logits(lm.model(), new int[] {1, 2, 3, 4, 5})).containsExactly(before, within(0f));
            LanguageModels.save(lm.model(), lm.config(), dir, dir);
        }
        assertThat(Files.readAllBytes(dir.resolve("model.safetensors"))).isEqualTo(first);
    }

    @Test
    void aTokenizerLargerThanTheEmbeddingIsRefused() throws Exception {
        assumeTrue(Files.isDirectory(TINY_GPT2), "../shared/models/tiny-gpt2 is absent");
        Path dir = tmp.resolve("small");
        Gpt2Config config = Gpt2Config.of(100, 32, 16, 1, 2, null, null);
        try (CausalLm model = build(config, 1)) {
            LanguageModels.save(model, config, dir, TINY_GPT2);
        }
        assertThatThrownBy(() -> LanguageModels.load(dir)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("tokenizer.json has 50257 tokens")
                .hasMessageContaining("only 100 rows");
    }

    static CausalLm build(ModelConfig config, long seed) {
        return ModelFamilies.random(config, NDManager.newBaseManager(), seed);
    }
}
