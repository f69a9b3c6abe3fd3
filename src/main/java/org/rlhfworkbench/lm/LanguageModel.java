package org.rlhfworkbench.lm;

import java.nio.file.Path;
import org.rlhfworkbench.lm.io.ModelConfig;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.lm.tokenizer.TextTokenizer;

/** A loaded model folder: the network, its config and its tokenizer. Close it to free native memory. */
public record LanguageModel(Path folder, ModelConfig config, CausalLm model, TextTokenizer tokenizer)
        implements AutoCloseable {
    @Override
    public void close() {
        model.close();
        try {
            tokenizer.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing the tokenizer of " + folder + " failed", e);
        }
    }
}
