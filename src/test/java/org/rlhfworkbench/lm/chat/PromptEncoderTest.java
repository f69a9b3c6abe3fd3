package org.rlhfworkbench.lm.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.Message;
import org.rlhfworkbench.core.Prompt;
import org.rlhfworkbench.lm.tokenizer.BpeTrainer;
import org.rlhfworkbench.lm.tokenizer.TextTokenizer;
import org.rlhfworkbench.lm.tokenizer.Tokenizers;

/**
 * Prompts and answers as token ids, in chat format (real Qwen2.5, Qwen3 and Llama 3.2 templates
 * over small trained byte-level BPEs that have those models' special tokens) and in plain format
 * (the real stories260K Llama tokenizer and tiny-gpt2 under ../shared).
 */
class PromptEncoderTest {
    private static final Path SHARED = Path.of(System.getProperty("rlhf.shared.dir", "../shared"), "models");
    private static final String CORPUS = "Hello there, how are you? I am fine. Paris is the capital of France. ";

    @TempDir
    Path dir;

    private static Prompt text(String t) {
        return new Prompt(1, t, List.of(), "test", "train");
    }

    private static int[] concat(int[] a, int... b) {
        return IntStream.concat(IntStream.of(a), IntStream.of(b)).toArray();
    }

    /** A BPE with {@code specials} (ids 256, 257, ... in order) and the tokenizer_config.json of {@code model}. */
    private TextTokenizer model(String model, String... specials) throws IOException {
        BpeTrainer.train(CORPUS.repeat(10), 320, List.of(specials)).save(dir);
        try (InputStream in = getClass().getResourceAsStream("/chat/" + model + "/tokenizer_config.json")) {
            Files.copy(in, dir.resolve("tokenizer_config.json"), StandardCopyOption.REPLACE_EXISTING);
        }
        return Tokenizers.load(dir);
    }

    private PromptEncoder chat(TextTokenizer tok) {
        return PromptEncoder.chat(tok, ChatTemplate.find(dir).orElseThrow());
    }

    @Test
    void qwen25PromptIsTheRenderedTemplateEncodedWithNothingAdded() throws IOException {
        try (TextTokenizer tok = model("qwen2.5-instruct", "<|endoftext|>", "<|im_start|>", "<|im_end|>")) {
            PromptEncoder enc = chat(tok);
            String expected = "<|im_start|>system\nYou are Qwen, created by Alibaba Cloud. You are a helpful assistant."
                    + "<|im_end|>\n<|im_start|>user\nHello there<|im_end|>\n<|im_start|>assistant\n";
            assertThat(enc.render(text("Hello there"))).isEqualTo(expected);
            int[] ids = enc.encode(text("Hello there"));
            assertThat(ids).containsExactly(tok.encode(expected));
            assertThat(ids[0]).isEqualTo(257); // <|im_start|>: the template's first token, no BOS before it
            assertThat(enc.kind()).isEqualTo(PromptEncoder.Kind.CHAT);
        }
    }

    @Test
    void qwen25AnswerIsTheContentThenImEnd() throws IOException {
        try (TextTokenizer tok = model("qwen2.5-instruct", "<|endoftext|>", "<|im_start|>", "<|im_end|>")) {
            PromptEncoder enc = chat(tok);
            // the template writes content + '<|im_end|>' + '\n' for an assistant turn: the answer ends at <|im_end|> (258)
            assertThat(enc.encodeResponse(text("Hi"), "I am fine.")).containsExactly(concat(tok.encode("I am fine."), 258));
            assertThat(enc.responseText(text("Hi"), "I am fine.")).isEqualTo("I am fine.<|im_end|>");
            assertThat(enc.endOfTurn()).containsExactly(258);
            assertThat(enc.stopIds()).contains(258);
        }
    }

    @Test
    void qwen3AnswerIncludesTheEmptyThinkBlockItsTemplateWritesForAFinalAnswer() throws IOException {
        try (TextTokenizer tok = model("qwen3", "<|endoftext|>", "<|im_start|>", "<|im_end|>")) {
            PromptEncoder enc = chat(tok);
            // generation prompt '<|im_start|>assistant\n'; [user, assistant] renders the final assistant as
            // '<|im_start|>assistant\n<think>\n\n</think>\n\n' + content + '<|im_end|>\n'
            assertThat(enc.render(text("Hi"))).isEqualTo("<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n");
            assertThat(enc.responseText(text("Hi"), "Fine.")).isEqualTo("<think>\n\n</think>\n\nFine.<|im_end|>");
            assertThat(enc.encodeResponse(text("Hi"), "Fine."))
                    .containsExactly(concat(tok.encode("<think>\n\n</think>\n\nFine."), 258));
        }
    }

    @Test
    void llama32WritesBosOnceAndEndsAnswersWithEotId() throws IOException {
        try (TextTokenizer tok = model("llama-3.2-instruct", "<|begin_of_text|>", "<|start_header_id|>",
                "<|end_header_id|>", "<|eot_id|>")) {
            PromptEncoder enc = chat(tok);
            int[] ids = enc.encode(text("Hello"));
            assertThat(ids[0]).isEqualTo(256);
            assertThat(IntStream.of(ids).filter(i -> i == 256).count()).isEqualTo(1);
            assertThat(tok.decode(ids)).isEqualTo(enc.render(text("Hello")));
            // content|trim then '<|eot_id|>' (259)
            assertThat(enc.encodeResponse(text("Hello"), " Paris. ")).containsExactly(concat(tok.encode("Paris."), 259));
            assertThat(enc.stopIds()).contains(259);
        }
    }

    @Test
    void dialoguesRenderAsTurnsOfTheTemplate() throws IOException {
        try (TextTokenizer tok = model("qwen2.5-instruct", "<|endoftext|>", "<|im_start|>", "<|im_end|>")) {
            PromptEncoder enc = chat(tok);
            String turns = "<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\nYo<|im_end|>\n"
                    + "<|im_start|>user\nBye<|im_end|>\n<|im_start|>assistant\n";
            String system = "<|im_start|>system\nYou are Qwen, created by Alibaba Cloud. You are a helpful assistant."
                    + "<|im_end|>\n";
            assertThat(enc.render(text("\n\nHuman: Hi\n\nAssistant: Yo\n\nHuman: Bye\n\nAssistant:")))
                    .isEqualTo(system + turns);
            Prompt conversation = new Prompt(2, "Bye", List.of(Message.user("Hi"), Message.assistant("Yo"),
                    Message.user("Bye")), "trl", "train");
            assertThat(enc.render(conversation)).isEqualTo(system + turns);
        }
    }

    @Test
    void plainFormatAddsLlamasBosBeforeThePromptAndEosAfterTheAnswer() throws IOException {
        Path stories = SHARED.resolve("stories260K");
        assumeTrue(Files.isRegularFile(stories.resolve("tokenizer.json")), "no " + stories);
        try (TextTokenizer tok = Tokenizers.load(stories)) {
            PromptEncoder enc = PromptEncoder.plain(tok, new PlainPrompt(null));
            assertThat(enc.render(text("Hi"))).isEqualTo("User: Hi\nAssistant:");
            assertThat(enc.encode(text("Hi"))).containsExactly(concat(new int[] {1}, tok.encode("User: Hi\nAssistant:")));
            assertThat(enc.encodeResponse(text("Hi"), "Hello")).containsExactly(concat(tok.encode(" Hello"), 2));
        }
    }

    @Test
    void plainFormatOnGpt2IsTodaysEncoding() throws IOException {
        Path gpt2 = SHARED.resolve("tiny-gpt2");
        assumeTrue(Files.isRegularFile(gpt2.resolve("tokenizer.json")), "no " + gpt2);
        try (TextTokenizer tok = Tokenizers.load(gpt2)) {
            PromptEncoder enc = PromptEncoder.plain(tok, new PlainPrompt(null));
            assertThat(enc.encode(text("Hi"))).containsExactly(tok.encode("User: Hi\nAssistant:"));
            assertThat(enc.encodeResponse(text("Hi"), "Hello")).containsExactly(concat(tok.encode(" Hello"), 50256));
            assertThat(enc.stopIds()).containsExactly(50256);
            assertThat(enc.description()).isEqualTo("User: {prompt}\nAssistant:");
        }
    }
}
