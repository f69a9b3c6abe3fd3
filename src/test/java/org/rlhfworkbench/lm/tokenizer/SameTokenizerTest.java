package org.rlhfworkbench.lm.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model whose tokenizer differs from the policy's is refused, naming both folders and a difference. */
class SameTokenizerTest {
    @TempDir
    Path dir;

    private Path bpe(String name, String corpus, int vocab) throws IOException {
        Path folder = dir.resolve(name);
        BpeTrainer.train(corpus.repeat(20), vocab, List.of("<|endoftext|>")).save(folder);
        return folder;
    }

    @Test
    void identicalTokenizersPass() throws IOException {
        Path a = bpe("a", "the cat sat on the mat. ", 264);
        Path b = bpe("b", "the cat sat on the mat. ", 264);
        try (TextTokenizer ta = Tokenizers.load(a); TextTokenizer tb = Tokenizers.load(b)) {
            assertThat(ta.vocabularyFingerprint()).isEqualTo(tb.vocabularyFingerprint());
            assertThatCode(() -> SameTokenizer.require(ta, a, tb, b, "reward model")).doesNotThrowAnyException();
        }
    }

    @Test
    void anotherVocabularySizeIsRefused() throws IOException {
        Path a = bpe("a", "the cat sat on the mat. ", 264);
        Path b = bpe("b", "the cat sat on the mat. ", 262);
        try (TextTokenizer ta = Tokenizers.load(a); TextTokenizer tb = Tokenizers.load(b)) {
            assertThatThrownBy(() -> SameTokenizer.require(ta, a, tb, b, "reward model"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("the reward model in " + b + " has a different tokenizer from the policy in " + a)
                    .hasMessageContaining("262 tokens, the policy's 264");
        }
    }

    @Test
    void theSameSizeWithOtherTokensIsRefusedNamingTheFirstDifferentId() throws IOException {
        Path a = bpe("a", "the cat sat on the mat. ", 264);
        Path b = bpe("b", "a dog ran in a fog. ", 264);
        try (TextTokenizer ta = Tokenizers.load(a); TextTokenizer tb = Tokenizers.load(b)) {
            assertThat(ta.vocabSize()).isEqualTo(tb.vocabSize());
            assertThat(ta.vocabularyFingerprint()).isNotEqualTo(tb.vocabularyFingerprint());
            // ids 0..256 are the byte symbols and <|endoftext|> in both; the first merge (id 257) differs
            assertThatThrownBy(() -> SameTokenizer.require(ta, a, tb, b, "reference"))
                    .hasMessageContaining("token 257 is '" + tb.token(257) + "' there and '" + ta.token(257) + "'");
        }
    }
}
