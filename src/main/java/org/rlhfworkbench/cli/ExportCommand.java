package org.rlhfworkbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rlhfworkbench.formats.ExportFormat;
import org.rlhfworkbench.formats.Exporter;
import org.rlhfworkbench.store.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `rlhf export DIR FILE --format trl|openrlhf|rlhflow|sft|hh|prompts`. */
@Command(name = "export", description = "Export preferences, SFT data or prompts as JSONL (.gz when FILE ends in .gz).")
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "project folder")
    Path dir;

    @Parameters(index = "1", paramLabel = "FILE", description = "output JSONL file")
    Path file;

    @Option(names = "--format", required = true, converter = Converters.ExportFormatConverter.class,
            description = "trl, openrlhf, rlhflow, sft, hh or prompts")
    ExportFormat format;

    @Override
    public Integer call() {
        try (Project p = Project.openReadOnly(dir)) {
            int lines = Exporter.export(p, file, format);
            spec.commandLine().getOut().println("wrote " + lines + " " + format.cliName() + " lines to " + file);
        }
        return 0;
    }
}
