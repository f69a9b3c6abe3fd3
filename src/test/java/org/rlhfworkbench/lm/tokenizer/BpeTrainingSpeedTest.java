package org.rlhfworkbench.lm.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Training on a few hundred KB must fit in the time a user waits for a dialog (budget: 30 s on 2 cores). */
class BpeTrainingSpeedTest {
    private static final Logger LOG = LoggerFactory.getLogger(BpeTrainingSpeedTest.class);

    @Test
    void trains4096TokensOn300KbOfShakespeareWellWithinBudget(@TempDir Path dir) throws IOException {
        String corpus = Files.readString(SharedFiles.tinyShakespeare()).substring(0, 300_000);
        long start = System.nanoTime();
        BpeModel model = new BpeTrainer(4096).train(corpus);
        long ms = (System.nanoTime() - start) / 1_000_000;
        LOG.warn("BPE training, 300 KB, vocab 4096: {} ms", ms);
        assertThat(model.vocabSize()).isEqualTo(4096);
        assertThat(ms).isLessThan(30_000);
        model.save(dir);
        try (TextTokenizer t = Tokenizers.load(dir)) {
            String text = corpus.substring(1000, 3000);
            assertThat(t.decode(t.encode(text))).isEqualTo(text);
            assertThat(t.encode(text).length).isLessThan(text.length() / 3);
        }
    }

    @Test
    void trains8192TokensOn300KbOfShakespeareWithinBudget() throws IOException {
        String corpus = Files.readString(SharedFiles.tinyShakespeare()).substring(0, 300_000);
        long start = System.nanoTime();
        BpeModel model = new BpeTrainer(8192).train(corpus);
        long ms = (System.nanoTime() - start) / 1_000_000;
        LOG.warn("BPE training, 300 KB, vocab 8192 asked, {} reached: {} ms", model.vocabSize(), ms);
        assertThat(ms).isLessThan(30_000);
    }
}
