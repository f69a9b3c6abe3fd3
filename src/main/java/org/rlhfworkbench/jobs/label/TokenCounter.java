package org.rlhfworkbench.jobs.label;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.rlhfworkbench.lm.tokenizer.TextTokenizer;
import org.rlhfworkbench.lm.tokenizer.Tokenizers;

/**
 * Counts the tokens of an edited answer in the generating model's tokenizer (loaded on its own,
 * not through the worker that owns the model, so counting never waits behind generation).
 * Keeps the last model's tokenizer. Thread-safe.
 */
final class TokenCounter implements AutoCloseable {
    private Path folder;
    private TextTokenizer tokenizer;

    /** Tokens of {@code text} without special tokens, as the generator counts an answer; -1 without a model. */
    synchronized int count(Path modelFolder, String text) {
        if (modelFolder == null) {
            return -1;
        }
        if (!modelFolder.equals(folder)) {
            close();
            try {
                tokenizer = Tokenizers.load(modelFolder);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the tokenizer of " + modelFolder + ": " + e.getMessage(), e);
            }
            folder = modelFolder;
        }
        return tokenizer.encode(text == null ? "" : text).length;
    }

    @Override
    public synchronized void close() {
        if (tokenizer != null) {
            tokenizer.close();
            tokenizer = null;
            folder = null;
        }
    }
}
