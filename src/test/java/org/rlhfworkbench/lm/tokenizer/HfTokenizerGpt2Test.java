package org.rlhfworkbench.lm.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real GPT-2 tokenizer of ../shared/models/tiny-gpt2 through DJL, checked against a naive reference. */
class HfTokenizerGpt2Test {
    private static final List<URI> NETWORK_REQUESTS = new CopyOnWriteArrayList<>();
    private static ProxySelector previousSelector;
    private static Path folder;
    private static TextTokenizer gpt2;
    private static Gpt2ReferenceBpe reference;

    @BeforeAll
    static void load() throws IOException {
        folder = SharedFiles.tinyGpt2();
        previousSelector = ProxySelector.getDefault();
        ProxySelector.setDefault(new RecordingSelector());
        gpt2 = Tokenizers.load(folder);
        reference = Gpt2ReferenceBpe.load(folder);
    }

    @AfterAll
    static void close() {
        if (previousSelector != null) {
            ProxySelector.setDefault(previousSelector);
        }
        if (gpt2 != null) {
            gpt2.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hello world", " The quick brown fox jumps over the lazy dog.", "naïve café 😀",
        "I'll  be   there\n\nok", "tabs\tand\r\nCRLF  \n", "数字123 and 4567, don't 've 're!!", "a", ""})
    void encodesLikeTheNaiveReferenceAndRoundTrips(String text) {
        int[] ids = gpt2.encode(text);
        assertThat(ids).containsExactly(reference.encode(text));
        assertThat(gpt2.decode(ids)).isEqualTo(text);
    }

    @Test
    void helloWorldHasGpt2sWellKnownIds() {
        assertThat(gpt2.encode("Hello world")).containsExactly(15496, 995);
        assertThat(gpt2.token(995)).isEqualTo("Ġworld");
        assertThat(gpt2.tokenText(995)).isEqualTo(" world");
    }

    @Test
    void idsPastTheTokenizerDecodeToNothingAsTheTokenizersLibraryDoes() {
        // a model's embedding may have more rows than its tokenizer (Qwen: 151936 vs 151665)
        assertThat(gpt2.decode(new int[] {15496, 50257, 60000, 995})).isEqualTo("Hello world");
    }

    @Test
    void byteSymbolsHaveGpt2sFirst256Ids() {
        for (int id = 0; id < 256; id++) {
            assertThat(gpt2.token(id)).isEqualTo(String.valueOf(ByteLevel.charOf(ByteLevel.byteOfSymbol(id))));
            assertThat(ByteLevel.symbolOfByte(ByteLevel.byteOfSymbol(id))).isEqualTo(id);
        }
    }

    @Test
    void loadsFromBytesWithoutAFolder() throws IOException {
        try (TextTokenizer t = HfTokenizer.fromJson(Files.readAllBytes(folder.resolve("tokenizer.json")), null)) {
            assertThat(t.encode("Hello world")).containsExactly(15496, 995);
            assertThat(t.eosId()).hasValue(50256);
        }
    }

    @Test
    void specialIdsComeFromTheFolder() {
        assertThat(gpt2.vocabSize()).isEqualTo(50257);
        assertThat(gpt2.eosId()).hasValue(50256);
        assertThat(gpt2.eosIds()).containsExactly(50256);
        assertThat(gpt2.bosId()).hasValue(50256);
        assertThat(gpt2.padId()).isEmpty();
        assertThat(gpt2.isSpecial(50256)).isTrue();
        assertThat(gpt2.isSpecial(995)).isFalse();
        assertThat(gpt2.id("<|endoftext|>")).hasValue(50256);
    }

    @Test
    void addsNoSpecialTokensButMatchesLiteralOnes() {
        int[] ids = gpt2.encode("a<|endoftext|>b");
        assertThat(ids).containsExactly(64, 50256, 65);
        assertThat(gpt2.decode(ids)).isEqualTo("a<|endoftext|>b");
        assertThat(gpt2.decode(ids, true)).isEqualTo("ab");
    }

    @Test
    void neverTruncatesLongTexts() {
        String text = " the cat".repeat(3000);
        int[] ids = gpt2.encode(text);
        assertThat(ids).hasSize(6000);
        assertThat(gpt2.decode(ids)).isEqualTo(text);
    }

    @Test
    void keepsSpacesBeforePunctuationOnDecode() {
        assertThat(gpt2.decode(gpt2.encode("a . b , c ' d n't"))).isEqualTo("a . b , c ' d n't");
    }

    @Test
    void rejectsNegativeIds() {
        assertThatThrownBy(() -> gpt2.decode(new int[] {-1})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> gpt2.token(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void loadingMadeNoNetworkRequest() {
        assertThat(NETWORK_REQUESTS).isEmpty();
    }

    @Test
    void buildsTheTokenizerFromVocabAndMergesWhenTokenizerJsonIsMissing(@TempDir Path dir) throws IOException {
        for (String name : List.of("vocab.json", "merges.txt", "config.json", "tokenizer_config.json")) {
            Files.copy(folder.resolve(name), dir.resolve(name));
        }
        try (TextTokenizer legacy = Tokenizers.load(dir)) {
            for (String text : List.of("Hello world", "naïve café 😀", "x<|endoftext|>y")) {
                assertThat(legacy.encode(text)).containsExactly(gpt2.encode(text));
            }
            assertThat(legacy.vocabSize()).isEqualTo(50257);
            assertThat(legacy.eosId()).hasValue(50256);
        }
    }

    @Test
    void missingTokenizerNamesThePath(@TempDir Path dir) {
        assertThatThrownBy(() -> Tokenizers.load(dir)).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining(dir.resolve("tokenizer.json").toString());
    }

    /** Any HTTP(S) connection the JVM makes asks the default ProxySelector first. */
    private static final class RecordingSelector extends ProxySelector {
        @Override
        public List<Proxy> select(URI uri) {
            NETWORK_REQUESTS.add(uri);
            return List.of(Proxy.NO_PROXY);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress sa, IOException e) {
        }
    }
}
