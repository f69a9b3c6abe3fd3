package org.rlhfworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rlhfworkbench.core.sample.PretrainingCorpus;
import org.rlhfworkbench.core.sample.SampleCorpus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `rlhf sample-corpus OUT_DIR [--pretrain-corpus FILE]`: regenerates the bundled sample's data. */
@Command(name = "sample-corpus",
        description = "Write the bundled sample's prompts.jsonl and sft.jsonl (generated, seed 7) into OUT_DIR;"
                + " `rlhf sample-corpus sample-projects/assistant` reproduces the committed files byte for byte.")
final class SampleCorpusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OUT_DIR", description = "folder to write prompts.jsonl and sft.jsonl into")
    Path outDir;

    @Option(names = "--pretrain-corpus", paramLabel = "FILE",
            description = "also write the pretraining text (User:/Assistant: dialogues, about 320 KB) to FILE")
    Path pretrainCorpus;

    @Option(names = "--dialogues", defaultValue = "" + PretrainingCorpus.DEFAULT_DIALOGUES,
            description = "dialogues in the pretraining text (default ${DEFAULT-VALUE})")
    int dialogues;

    @Override
    public Integer call() throws IOException {
        SampleCorpus corpus = SampleCorpus.standard();
        corpus.write(outDir);
        PrintWriter out = spec.commandLine().getOut();
        out.println("wrote " + corpus.undemonstrated().size() + " prompts to "
                + outDir.resolve(SampleCorpus.PROMPTS_FILE) + " and " + corpus.demonstrated().size()
                + " demonstrations to " + outDir.resolve(SampleCorpus.SFT_FILE));
        if (pretrainCorpus != null) {
            PretrainingCorpus.write(pretrainCorpus, dialogues);
            out.println("wrote " + dialogues + " dialogues to " + pretrainCorpus);
        }
        return 0;
    }
}
