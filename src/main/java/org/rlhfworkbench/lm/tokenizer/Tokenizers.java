package org.rlhfworkbench.lm.tokenizer;

import java.io.IOException;
import java.nio.file.Path;

/** Entry point for the rest of the app: the tokenizer of a model folder. */
public final class Tokenizers {
    private Tokenizers() {
    }

    /**
     * The tokenizer of a Hugging Face model folder (tokenizer.json, or GPT-2's vocab.json +
     * merges.txt), with eos / bos / pad ids from the folder's config files. Close it when done.
     *
     * @throws java.nio.file.NoSuchFileException naming the path when the folder has no tokenizer
     */
    public static TextTokenizer load(Path modelFolder) throws IOException {
        return HfTokenizer.load(modelFolder);
    }
}
