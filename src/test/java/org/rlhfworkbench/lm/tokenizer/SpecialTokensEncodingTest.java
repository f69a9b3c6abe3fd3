package org.rlhfworkbench.lm.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** encodeWithSpecialTokens does what transformers' tokenizer(text) does; encode adds nothing. */
class SpecialTokensEncodingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** A byte-level BPE whose tokenizer.json post-processor is Llama 3's: ByteLevel, then TemplateProcessing with bos. */
    private Path llama3Style() throws IOException {
        String corpus = "Hello there. Hello world. The cat sat on the mat. ".repeat(20);
        BpeTrainer.train(corpus, 300, List.of("<|begin_of_text|>", "<|eot_id|>")).save(dir);
        ObjectNode root = (ObjectNode) JSON.readTree(dir.resolve("tokenizer.json").toFile());
        root.set("post_processor", JSON.readTree("""
                {"type": "Sequence", "processors": [
                  {"type": "ByteLevel", "add_prefix_space": true, "trim_offsets": false, "use_regex": true},
                  {"type": "TemplateProcessing",
                   "single": [{"SpecialToken": {"id": "<|begin_of_text|>", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}}],
                   "pair": [{"SpecialToken": {"id": "<|begin_of_text|>", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                            {"SpecialToken": {"id": "<|begin_of_text|>", "type_id": 1}}, {"Sequence": {"id": "B", "type_id": 1}}],
                   "special_tokens": {"<|begin_of_text|>": {"id": "<|begin_of_text|>", "ids": [256], "tokens": ["<|begin_of_text|>"]}}}]}
                """));
        Files.write(dir.resolve("tokenizer.json"), JSON.writeValueAsBytes(root));
        Files.writeString(dir.resolve("tokenizer_config.json"), """
                {"bos_token": "<|begin_of_text|>", "eos_token": "<|eot_id|>", "tokenizer_class": "PreTrainedTokenizerFast"}
                """);
        return dir;
    }

    private static int[] concat(int[] a, int[] b) {
        return IntStream.concat(IntStream.of(a), IntStream.of(b)).toArray();
    }

    @Test
    void llama3StylePostProcessorAddsBeginOfTextOnlyWithSpecialTokens() throws IOException {
        try (TextTokenizer tok = Tokenizers.load(llama3Style())) {
            // BpeTrainer's layout: 256 byte symbols, then the special tokens in order, so <|begin_of_text|> is 256
            assertThat(tok.id("<|begin_of_text|>")).hasValue(256);
            int[] plain = tok.encode("Hello world");
            assertThat(plain).doesNotContain(256);
            assertThat(tok.encodeWithSpecialTokens("Hello world")).containsExactly(concat(new int[] {256}, plain));
        }
    }

    @Test
    void aRenderedChatTextKeepsItsLiteralSpecialTokensAndGetsNothingAdded() throws IOException {
        try (TextTokenizer tok = Tokenizers.load(llama3Style())) {
            int[] ids = tok.encode("<|begin_of_text|>Hello<|eot_id|>");
            assertThat(ids[0]).isEqualTo(256);
            assertThat(ids[ids.length - 1]).isEqualTo(257);
            assertThat(IntStream.of(ids).filter(i -> i == 256).count()).isEqualTo(1);
        }
    }

    @Test
    void stories260KAddsBosAsItsLlamaTokenizerConfigSays() throws IOException {
        Path folder = SharedFiles.stories260K();
        JsonNode post = JSON.readTree(folder.resolve("tokenizer.json").toFile()).path("post_processor");
        // its tokenizer.json says the same: TemplateProcessing "<s> $A" with <s> = id 1
        assertThat(post.path("single").get(0).path("SpecialToken").path("id").asText()).isEqualTo("<s>");
        try (TextTokenizer tok = Tokenizers.load(folder)) {
            int[] plain = tok.encode("Once upon a time");
            assertThat(plain).isNotEmpty().doesNotContain(1);
            assertThat(tok.encodeWithSpecialTokens("Once upon a time")).containsExactly(concat(new int[] {1}, plain));
        }
    }

    @Test
    void llamaClassTokenizersFollowAddBosAndAddEosOverThePostProcessor() throws IOException {
        Path folder = SharedFiles.stories260K();
        for (String f : List.of("tokenizer.json", "special_tokens_map.json")) {
            Files.copy(folder.resolve(f), dir.resolve(f));
        }
        ObjectNode config = (ObjectNode) JSON.readTree(folder.resolve("tokenizer_config.json").toFile());
        config.put("add_bos_token", false).put("add_eos_token", true);
        Files.write(dir.resolve("tokenizer_config.json"), JSON.writeValueAsBytes(config));
        try (TextTokenizer tok = Tokenizers.load(dir)) {
            int[] plain = tok.encode("Once upon a time");
            // LlamaTokenizerFast.update_post_processor: no bos, eos "</s>" (id 2) after the text
            assertThat(tok.encodeWithSpecialTokens("Once upon a time")).containsExactly(concat(plain, new int[] {2}));
        }
    }

    @Test
    void gpt2AddsNothing() throws IOException {
        try (TextTokenizer tok = Tokenizers.load(SharedFiles.tinyGpt2())) {
            assertThat(tok.encodeWithSpecialTokens("Hello world")).containsExactly(tok.encode("Hello world"));
        }
    }
}
