package org.rlhfworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.rlhfworkbench.core.RunStatus;
import org.rlhfworkbench.jobs.run.JobHandle;
import org.rlhfworkbench.jobs.run.Jobs;
import org.rlhfworkbench.jobs.run.TrainJob;
import org.rlhfworkbench.store.Project;

/** Runs a training job from the CLI to its end, printing progress and the final figures. */
final class TrainRunner {
    private TrainRunner() {
    }

    /** Starts {@code fresh}, or with a resume id rebuilds the job from the run's saved config. */
    static int run(Path dir, Long resume, TrainJob fresh, Function<ObjectNode, TrainJob> fromConfig, PrintWriter out,
                   PrintWriter err) throws Exception {
        try (Project p = Project.open(dir)) {
            ProgressPrinter printer = new ProgressPrinter(err);
            JobHandle h;
            if (resume != null) {
                fresh.close();
                h = Jobs.resume(p, resume, fromConfig.apply((ObjectNode) Jobs.config(p, resume).get("config")), printer);
            } else {
                h = Jobs.start(p, fresh, printer);
            }
            Thread hook = new Thread(h::cancel);
            Runtime.getRuntime().addShutdownHook(hook);
            JobHandle.JobResult r = h.await();
            Runtime.getRuntime().removeShutdownHook(hook);
            err.println();
            out.println("run " + r.runId() + ": " + r.status().dbName());
            for (Map.Entry<String, Double> e : printer.latest().entrySet()) {
                out.printf("  %-20s %.6g%n", e.getKey(), e.getValue());
            }
            if (r.status() == RunStatus.FAILED) {
                throw new IllegalStateException("run " + r.runId() + " failed: " + r.message());
            }
            out.println(r.message());
            return 0;
        }
    }
}
