package org.rlhfworkbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rlhfworkbench.core.ModelKind;
import org.rlhfworkbench.jobs.cluster.ModelImport;
import org.rlhfworkbench.store.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `rlhf import-model DIR FOLDER [--kind policy|sft|reward|base] [--name NAME]`. */
@Command(name = "import-model", description = "Copy a Hugging Face checkpoint trained elsewhere into the project"
        + " (checked by loading it first) so labeling and comparison can use it.")
final class ImportModelCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "project folder")
    Path dir;

    @Parameters(index = "1", paramLabel = "FOLDER", description = "checkpoint: config.json, model.safetensors, tokenizer.json")
    Path folder;

    @Option(names = "--kind", defaultValue = "policy", converter = Converters.ModelKindConverter.class,
            description = "policy (default), sft, reward or base")
    ModelKind kind;

    @Option(names = "--name", description = "name in the model lists (default: the folder's name)")
    String name;

    @Override
    public Integer call() throws Exception {
        try (Project p = Project.open(dir)) {
            String label = name != null && !name.isBlank() ? name : folder.toAbsolutePath().normalize().getFileName().toString();
            ModelImport.Result r = ModelImport.importModel(p, folder, kind, label);
            spec.commandLine().getOut().println("imported model " + r.id() + " (" + r.kind().dbName() + ", "
                    + r.name() + ") into " + r.path());
        }
        return 0;
    }
}
