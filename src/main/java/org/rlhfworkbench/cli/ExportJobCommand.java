package org.rlhfworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rlhfworkbench.jobs.cluster.ClusterEngine;
import org.rlhfworkbench.jobs.cluster.ClusterExport;
import org.rlhfworkbench.jobs.cluster.LaunchStep;
import org.rlhfworkbench.store.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `rlhf export-job DIR --engine openrlhf|trl --out FOLDER`. */
@Command(name = "export-job", description = "Export data, checkpoints, mapped hyperparameters and a launch script"
        + " for OpenRLHF (Ray + DeepSpeed + vLLM) or TRL (Accelerate).")
final class ExportJobCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "project folder")
    Path dir;

    @Option(names = "--engine", required = true, converter = Converters.EngineConverter.class,
            description = "openrlhf or trl")
    ClusterEngine engine;

    @Option(names = "--out", required = true, paramLabel = "FOLDER", description = "new or empty folder for the job")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        try (Project p = Project.open(dir)) {
            ClusterExport.Result r = ClusterExport.export(p, out, engine);
            o.println("wrote a " + engine.cliName() + " job to " + r.folder());
            o.printf("  data: %d preference pairs, %d demonstrations, %d prompts%n", r.data().pairs(),
                    r.data().demonstrations(), r.data().promptCount());
            r.models().forEach((kind, path) -> o.println("  model: " + path));
            for (LaunchStep s : r.steps()) {
                o.printf("  ./launch.sh %-4s %s (%d flags)%n", s.name(), s.command(), s.flags().size());
            }
            o.println("  see " + r.folder().resolve("README.md"));
        }
        return 0;
    }
}
