package org.rlhfworkbench.cli;

import java.nio.file.Path;
import org.rlhfworkbench.lm.LanguageModel;
import org.rlhfworkbench.lm.LanguageModels;
import picocli.CommandLine.Option;

/** {@code --model DIR}, shared by the commands that read a Hugging Face model folder (a picocli mixin). */
final class ModelOptions {
    @Option(names = "--model", required = true, paramLabel = "DIR",
            description = "model folder: config.json, model.safetensors, tokenizer.json")
    Path folder;

    /** The model and its tokenizer; throws CheckpointException with a one-line reason for a bad folder. */
    LanguageModel load() {
        return LanguageModels.load(folder);
    }
}
