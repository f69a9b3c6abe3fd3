package org.rlhfworkbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rlhfworkbench.lm.LanguageModel;
import org.rlhfworkbench.lm.LanguageModels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `rlhf merge-lora ADAPTER OUT`: a PEFT LoRA folder merged into its base (W + s B A) as a full HF folder. */
@Command(name = "merge-lora", description = "Write a LoRA adapter folder (ours or PEFT's) merged into its base model"
        + " as a full Hugging Face model folder.")
final class MergeLoraCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ADAPTER", description = "folder with adapter_config.json")
    Path adapter;

    @Parameters(index = "1", paramLabel = "OUT", description = "folder to write (config.json, model.safetensors, tokenizer)")
    Path out;

    @Override
    public Integer call() {
        try (LanguageModel lm = LanguageModels.load(adapter)) {   // loading an adapter folder merges it
            LanguageModels.save(lm.model(), lm.config(), out, lm.folder());
        }
        spec.commandLine().getOut().println("wrote the merged model to " + out);
        return 0;
    }
}
