package org.rlhfworkbench.lm.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Streaming decode emits every character whole, exactly once, even when its bytes span tokens. */
class StreamDecoderTest {
    @TempDir
    static Path dir;
    private static TextTokenizer ascii;

    @BeforeAll
    static void trainOnTextWithoutEmoji() throws IOException {
        new BpeTrainer(512).train(TestCorpus.documents(1, 40_000)).save(dir);
        ascii = Tokenizers.load(dir);
    }

    @AfterAll
    static void close() {
        ascii.close();
    }

    @Test
    void emojiSplitAcrossByteTokensIsEmittedWholeOnce() {
        assertThat(ascii.encode("😀")).hasSize(4); // one token per UTF-8 byte: the corpus has no emoji
        String text = "Hi 😀!";
        List<String> pieces = stream(ascii, ascii.encode(text));
        assertThat(String.join("", pieces)).isEqualTo(text);
        assertThat(pieces).noneMatch(p -> p.contains("\uFFFD"));
        int at = pieces.indexOf("😀");
        assertThat(pieces).filteredOn(p -> p.contains("😀")).containsExactly("😀");
        assertThat(pieces.subList(at - 3, at)).containsOnly(""); // the three tokens that end inside it
    }

    @Test
    void streamsMixedTextIntoTheSameTextAsDecode() {
        String text = "User: naïve café 😀 👩‍👩‍👧 数字 ok<|endoftext|>next";
        List<String> pieces = stream(ascii, ascii.encode(text));
        assertThat(String.join("", pieces)).isEqualTo(text);
        assertThat(pieces).noneMatch(p -> p.contains("\uFFFD"));
    }

    @Test
    void flushEmitsAnIncompleteCharacterAsReplacement() {
        int[] ids = ascii.encode("😀");
        StreamDecoder decoder = new StreamDecoder(ascii);
        assertThat(decoder.push(ids[0])).isEmpty();
        assertThat(decoder.flush()).isEqualTo("\uFFFD");
        assertThat(decoder.push(ascii.encode("x")[0])).isEqualTo("x");
    }

    @Test
    void skipsSpecialTokensWhenAsked() {
        StreamDecoder decoder = new StreamDecoder(ascii, true);
        StringBuilder out = new StringBuilder();
        for (int id : ascii.encode("a<|endoftext|>b")) {
            out.append(decoder.push(id));
        }
        assertThat(out.append(decoder.flush())).hasToString("ab");
    }

    @Test
    void gpt2EmojiIsEmittedWholeOnce() throws IOException {
        try (TextTokenizer gpt2 = Tokenizers.load(SharedFiles.tinyGpt2())) {
            String text = "naïve café 😀";
            List<String> pieces = stream(gpt2, gpt2.encode(text));
            assertThat(String.join("", pieces)).isEqualTo(text);
            assertThat(pieces).filteredOn(p -> p.contains("😀")).hasSize(1);
            assertThat(pieces).noneMatch(p -> p.contains("\uFFFD"));
        }
    }

    private static List<String> stream(TextTokenizer tokenizer, int[] ids) {
        StreamDecoder decoder = new StreamDecoder(tokenizer);
        List<String> pieces = new ArrayList<>();
        for (int id : ids) {
            pieces.add(decoder.push(id));
        }
        pieces.add(decoder.flush());
        return pieces;
    }
}
