package org.rlhfworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rlhfworkbench.formats.BadLine;
import org.rlhfworkbench.formats.ImportFormat;
import org.rlhfworkbench.formats.ImportReport;
import org.rlhfworkbench.formats.Importer;
import org.rlhfworkbench.store.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `rlhf import DIR FILE --format prompts|sft|trl|hh|openrlhf|rlhflow [--skip-bad]`. */
@Command(name = "import", description = "Import prompts, SFT data or preferences into a project (.gz read directly).")
final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "project folder")
    Path dir;

    @Parameters(index = "1", paramLabel = "FILE", description = "TXT or JSONL file, optionally .gz")
    Path file;

    @Option(names = "--format", required = true, converter = Converters.ImportFormatConverter.class,
            description = "prompts, sft, trl, hh, openrlhf or rlhflow")
    ImportFormat format;

    @Option(names = "--skip-bad", description = "import the good lines and report the bad ones (default: reject the file)")
    boolean skipBad;

    @Override
    public Integer call() {
        try (Project p = Project.open(dir)) {
            ImportReport report = Importer.importFile(p, file, format, skipBad);
            PrintWriter err = spec.commandLine().getErr();
            for (BadLine bad : report.skipped()) {
                err.println("skipped " + bad);
            }
            spec.commandLine().getOut().println("imported " + report.summary());
        }
        return 0;
    }
}
