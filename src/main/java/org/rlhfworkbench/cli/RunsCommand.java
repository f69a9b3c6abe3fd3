package org.rlhfworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rlhfworkbench.core.MetricPoint;
import org.rlhfworkbench.core.RunRecord;
import org.rlhfworkbench.store.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `rlhf runs DIR`: every run with its state and last metrics. */
@Command(name = "runs", description = "List the project's runs: kind, state, seed, last metrics, error.")
final class RunsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "project folder")
    Path dir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Project p = Project.openReadOnly(dir)) {
            if (p.runs().count() == 0) {
                out.println("no runs yet");
            }
            for (RunRecord r : p.runs().all()) {
                Map<String, MetricPoint> last = new LinkedHashMap<>();
                for (MetricPoint m : p.metrics().forRun(r.id())) {
                    last.put(m.name(), m);
                }
                out.printf("run %d  %-8s %-9s seed %d  started %s%n", r.id(), r.kind(), r.status().dbName(), r.seed(),
                        r.startedAt() == null ? "-" : r.startedAt());
                for (MetricPoint m : last.values()) {
                    out.printf("    %-20s %.6g (step %d)%n", m.name(), m.value(), m.step());
                }
                if (r.error() != null) {
                    out.println("    error: " + r.error());
                }
            }
        }
        return 0;
    }
}
