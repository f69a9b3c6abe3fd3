package org.rlhfworkbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rlhfworkbench.formats.ImportFormat;
import org.rlhfworkbench.jobs.run.RewardEvaluation;
import org.rlhfworkbench.store.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `rlhf reward-eval DIR [--model ID] [--data FILE --format F] [--json]`: pairwise accuracy. */
@Command(name = "reward-eval", description = "Pairwise accuracy of a reward model on the held-out project rankings"
        + " or on a preference file.")
final class RewardEvalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "project folder")
    Path dir;

    @Option(names = "--model", description = "reward model id (default: the newest)")
    Long model;

    @Option(names = "--data", paramLabel = "FILE", description = "preference file instead of the project's held-out rankings")
    Path data;

    @Option(names = "--format", defaultValue = "trl", converter = Converters.ImportFormatConverter.class,
            description = "format of --data: trl, hh, openrlhf or rlhflow (default ${DEFAULT-VALUE})")
    ImportFormat format;

    @Option(names = "--json", description = "print the figures as JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
        RewardEvaluation.Result r;
        try (Project p = Project.open(dir)) {
            r = data == null ? RewardEvaluation.onProject(p, model) : RewardEvaluation.onFile(p, model, data, format);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode o = new ObjectMapper().createObjectNode();
            o.put("model", r.modelId()).put("data", r.data()).put("prompts", r.prompts())
                    .put("pairs", r.eval().pairs()).put("accuracy", r.eval().accuracy())
                    .put("mean_margin", r.eval().meanMargin()).put("reward_mean", r.eval().rewardMean())
                    .put("reward_std", r.eval().rewardStd());
            out.println(new ObjectMapper().writeValueAsString(o));
        } else {
            out.printf("reward model %d on %s: %d prompts, %d pairs%n", r.modelId(), r.data(), r.prompts(), r.eval().pairs());
            out.printf("  pairwise accuracy %.4f%n  mean margin       %.4f%n  reward mean/std   %.4f / %.4f%n",
                    r.eval().accuracy(), r.eval().meanMargin(), r.eval().rewardMean(), r.eval().rewardStd());
        }
        return 0;
    }
}
