package org.rlhfworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.lm.tokenizer.BpeTrainer;

/** rlhf chat-template and rlhf tokenize --special. */
class ChatTemplateCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path STORIES = Path.of(System.getProperty("rlhf.shared.dir", "../shared"), "models",
            "stories260K");

    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RlhfCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    /** A ChatML tokenizer (<|endoftext|> 256, <|im_start|> 257, <|im_end|> 258) with SmolLM2's tokenizer_config.json. */
    private Path smolLike() throws IOException {
        Path dir = tmp.resolve("model");
        BpeTrainer.train("Hello there, how are you? I am fine. ".repeat(10), 300,
                List.of("<|endoftext|>", "<|im_start|>", "<|im_end|>")).save(dir);
        try (InputStream in = getClass().getResourceAsStream("/chat/smollm2-instruct/tokenizer_config.json")) {
            Files.copy(in, dir.resolve("tokenizer_config.json"), StandardCopyOption.REPLACE_EXISTING);
        }
        return dir;
    }

    private Path messages(String json) throws IOException {
        return Files.writeString(tmp.resolve("messages.json"), json);
    }

    @Test
    void printsTheRenderedText() throws IOException {
        Result r = run("chat-template", "--model", smolLike().toString(), "--messages",
                messages("[{\"role\": \"user\", \"content\": \"Hello\"}]").toString());
        assertThat(r.code()).as(r.err()).isZero();
        // SmolLM2's template: its default system turn, the user turn, then the generation prompt
        assertThat(r.out()).isEqualTo("<|im_start|>system\nYou are a helpful AI assistant named SmolLM, trained by"
                + " Hugging Face<|im_end|>\n<|im_start|>user\nHello<|im_end|>\n<|im_start|>assistant\n");
    }

    @Test
    void jsonGivesTheTextAndItsIdsWithSpecialTokensMatchedAndNothingAdded() throws IOException {
        Result r = run("chat-template", "--model", smolLike().toString(), "--messages",
                messages("[{\"role\": \"system\", \"content\": \"S\"}, {\"role\": \"user\", \"content\": \"Hi\"},"
                        + " {\"role\": \"assistant\", \"content\": \"Yo\"}]").toString(), "--no-generation-prompt", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode o = JSON.readTree(r.out());
        assertThat(o.get("text").asText()).isEqualTo("<|im_start|>system\nS<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n"
                + "<|im_start|>assistant\nYo<|im_end|>\n");
        List<Integer> ids = JSON.convertValue(o.get("ids"), JSON.getTypeFactory().constructCollectionType(List.class,
                Integer.class));
        assertThat(ids.get(0)).isEqualTo(257);
        assertThat(ids.stream().filter(i -> i == 257).count()).isEqualTo(3);
        assertThat(ids.stream().filter(i -> i == 258).count()).isEqualTo(3);
        assertThat(ids).doesNotContain(256);
    }

    @Test
    void aBadMessagesFileIsOneLineNamingTheFile() throws IOException {
        Path model = smolLike();
        Path bad = messages("{\"role\": \"user\"");
        Result r = run("chat-template", "--model", model.toString(), "--messages", bad.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).startsWith("error: " + bad).contains("JSON list").doesNotContain("\n");
        Path noRole = messages("[{\"content\": \"hi\"}]");
        r = run("chat-template", "--model", model.toString(), "--messages", noRole.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("error: " + noRole + ": message 1 has no string \"role\"");
    }

    @Test
    void aModelWithoutTemplateSaysSo() throws IOException {
        Path dir = tmp.resolve("plain");
        BpeTrainer.train("abc abc abc", 260, List.of("<|endoftext|>")).save(dir);
        Result r = run("chat-template", "--model", dir.toString(), "--messages",
                messages("[{\"role\": \"user\", \"content\": \"x\"}]").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("has no chat template");
    }

    @Test
    void tokenizeSpecialAddsLlamasBos() {
        assumeTrue(Files.isRegularFile(STORIES.resolve("tokenizer.json")), "no " + STORIES);
        Result plain = run("tokenize", "--model", STORIES.toString(), "--text", "Once upon a time", "--json");
        Result special = run("tokenize", "--model", STORIES.toString(), "--text", "Once upon a time", "--json", "--special");
        assertThat(special.code()).as(special.err()).isZero();
        assertThat(plain.out()).doesNotContain("\"ids\":[1,");
        assertThat(special.out()).startsWith("{\"ids\":[1," + plain.out().substring("{\"ids\":[".length(),
                plain.out().indexOf(']')) + "]");
    }
}
