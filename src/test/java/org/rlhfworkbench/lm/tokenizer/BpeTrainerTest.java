package org.rlhfworkbench.lm.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A BPE trained here loads in DJL, round-trips any text and compresses the text it was trained on. */
class BpeTrainerTest {
    private static final int VOCAB = 1024;
    private static final List<String> CORPUS = TestCorpus.documents(42, 120_000);
    @TempDir
    static Path dir;
    private static BpeModel model;

    @BeforeAll
    static void train() throws IOException {
        model = new BpeTrainer(VOCAB).train(CORPUS);
        model.save(dir);
    }

    @Test
    void vocabularyHasTheRequestedSizeWithEndOfTextAfterTheBytes() throws IOException {
        assertThat(model.vocabSize()).isEqualTo(VOCAB);
        assertThat(model.specialId(BpeTrainer.END_OF_TEXT)).isEqualTo(256);
        try (TextTokenizer t = Tokenizers.load(dir)) {
            assertThat(t.vocabSize()).isEqualTo(VOCAB);
            assertThat(t.eosId()).hasValue(256);
            assertThat(t.bosId()).hasValue(256);
            assertThat(t.isSpecial(256)).isTrue();
            assertThat(t.token(0)).isEqualTo("!");
            assertThat(t.token(255)).isEqualTo("Ń");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hello", "naïve café 😀 🇺🇳 👩‍👩‍👧", "数字123 漢字\u0000\u0001\t\r\n  end ",
        "I'll  be   there\n\nok", "a<|endoftext|>b<|endoftext|>", "ﬁ ½ \uD83D\uDE00x \u200B\u00A0"})
    void roundTripsArbitraryTextExactly(String text) throws IOException {
        try (TextTokenizer t = Tokenizers.load(dir)) {
            assertThat(t.decode(t.encode(text))).isEqualTo(text);
        }
    }

    @Test
    void roundTripsRandomUnicode() throws IOException {
        Random random = new Random(7);
        try (TextTokenizer t = Tokenizers.load(dir)) {
            for (int n = 0; n < 300; n++) {
                StringBuilder s = new StringBuilder();
                for (int i = random.nextInt(40); i > 0; i--) {
                    int cp = switch (random.nextInt(4)) {
                        case 0 -> random.nextInt(0x80);
                        case 1 -> 0x80 + random.nextInt(0x800 - 0x80);
                        case 2 -> 0xE000 + random.nextInt(0x2000);
                        default -> 0x1F300 + random.nextInt(0x300);
                    };
                    s.appendCodePoint(cp);
                }
                String text = s.toString();
                assertThat(t.decode(t.encode(text))).isEqualTo(text);
            }
        }
    }

    @Test
    void frequentWordsTakeFewerTokensThanBytes() throws IOException {
        try (TextTokenizer t = Tokenizers.load(dir)) {
            String text = CORPUS.get(3);
            int bytes = text.getBytes(StandardCharsets.UTF_8).length;
            assertThat(t.encode(text).length).isLessThan(bytes / 2);
            assertThat(t.encode(" the")).hasSize(1);
            assertThat(t.encode(" assistant")).hasSize(1);
        }
    }

    @Test
    void literalEndOfTextIsNeverLearnedFromText() {
        assertThat(model.merges()).noneMatch(m -> m.contains("endoftext"));
    }

    @Test
    void sameCorpusAndSettingsGiveTheSameFiles(@TempDir Path other) throws IOException {
        BpeModel again = new BpeTrainer(VOCAB).train(CORPUS);
        assertThat(again.tokenizerJson()).isEqualTo(model.tokenizerJson());
        again.save(other);
        for (String name : List.of("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json",
                "vocab.json", "merges.txt")) {
            assertThat(Files.readAllBytes(other.resolve(name))).as(name).isEqualTo(Files.readAllBytes(dir.resolve(name)));
        }
    }

    @Test
    void writesTheHuggingFaceLayout() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode root = json.readTree(dir.resolve("tokenizer.json").toFile());
        assertThat(root.path("version").asText()).isEqualTo("1.0");
        assertThat(root.path("pre_tokenizer").path("type").asText()).isEqualTo("ByteLevel");
        assertThat(root.path("decoder").path("type").asText()).isEqualTo("ByteLevel");
        assertThat(root.path("model").path("type").asText()).isEqualTo("BPE");
        assertThat(root.path("model").path("merges").get(0).isTextual()).isTrue();
        assertThat(root.path("model").path("vocab").size()).isEqualTo(VOCAB);
        assertThat(root.path("added_tokens").get(0).path("content").asText()).isEqualTo("<|endoftext|>");
        JsonNode config = json.readTree(dir.resolve("tokenizer_config.json").toFile());
        assertThat(config.path("tokenizer_class").asText()).isEqualTo("GPT2Tokenizer");
        assertThat(config.path("eos_token").asText()).isEqualTo("<|endoftext|>");
        assertThat(config.path("model_max_length").asInt()).isEqualTo(1024);
        assertThat(Files.readString(dir.resolve("merges.txt"))).startsWith("#version: 0.2\n");
    }

    @Test
    void vocabAndMergesAloneEncodeTheSame(@TempDir Path legacy) throws IOException {
        Files.copy(dir.resolve("vocab.json"), legacy.resolve("vocab.json"));
        Files.copy(dir.resolve("merges.txt"), legacy.resolve("merges.txt"));
        try (TextTokenizer full = Tokenizers.load(dir); TextTokenizer fromFiles = Tokenizers.load(legacy)) {
            String text = CORPUS.get(5) + " naïve 😀<|endoftext|>";
            assertThat(fromFiles.encode(text)).containsExactly(full.encode(text));
        }
    }

    @Test
    void configJsonIdsWinOverTokenizerConfig(@TempDir Path folder) throws IOException {
        model.save(folder);
        Files.writeString(folder.resolve("config.json"), "{\"eos_token_id\": [7, 256], \"pad_token_id\": 3}");
        try (TextTokenizer t = Tokenizers.load(folder)) {
            assertThat(t.eosIds()).containsExactly(7, 256);
            assertThat(t.eosId()).hasValue(7);
            assertThat(t.padId()).hasValue(3);
            assertThat(t.bosId()).hasValue(256);
        }
    }

    @Test
    void learnsTheSameMergesAsAFullRecountEveryStep() {
        String corpus = String.join("<|endoftext|>", TestCorpus.documents(9, 15_000));
        BpeModel fast = new BpeTrainer(700).train(corpus);
        assertThat(fast.merges()).containsExactlyElementsOf(NaiveBpeTrainer.merges(corpus, 700, "<|endoftext|>", 2));
    }

    @Test
    void stopsEarlyWhenTheCorpusRunsOutOfPairs() {
        BpeModel tiny = new BpeTrainer(5000, List.of()).train("abab abab");
        assertThat(tiny.vocabSize()).isLessThan(5000).isGreaterThan(256);
        assertThat(tiny.specialTokens()).isEmpty();
    }
}
