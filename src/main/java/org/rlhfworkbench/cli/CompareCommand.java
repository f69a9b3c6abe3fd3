package org.rlhfworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.rlhfworkbench.core.Prompt;
import org.rlhfworkbench.jobs.run.ModelPicker;
import org.rlhfworkbench.jobs.run.PolicyComparison;
import org.rlhfworkbench.jobs.run.PpoJob;
import org.rlhfworkbench.store.Project;
import org.rlhfworkbench.core.config.PpoConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `rlhf compare DIR --baseline ID --candidate ID`: two models on held-out sample prompts, rubric as judge. */
@Command(name = "compare", description = "Compare two models on the held-out sample prompts (those PPO does not train on),"
        + " judged by the rubric: mean score with 95%% interval, win rate, KL.")
final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "a sample project")
    Path dir;

    @Option(names = "--baseline", required = true, description = "model id, e.g. the SFT model")
    long baseline;

    @Option(names = "--candidate", required = true, description = "model id, e.g. the PPO policy")
    long candidate;

    @Option(names = "-k", defaultValue = "4", description = "answers per prompt and model (default ${DEFAULT-VALUE})")
    int k;

    @Option(names = "--temperature", defaultValue = "1.0", description = "sampling temperature (default ${DEFAULT-VALUE})")
    float temperature;

    @Option(names = "--seed", defaultValue = "43", description = "sampling seed (default ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PpoJob.Config cfg = new PpoJob.Config(null, null, 0.2, PpoConfig.defaults());
        try (Project p = Project.open(dir)) {
            List<Prompt> held = p.prompts().all().stream().filter(x -> PpoJob.heldOut(x.id(), cfg)).toList();
            PolicyComparison.Result r = PolicyComparison.compare(p,
                    ModelPicker.folder(p, ModelPicker.pick(p, baseline)), ModelPicker.folder(p, ModelPicker.pick(p, candidate)),
                    held, temperature, cfg.ppo().maxNewTokens(), seed, k);
            out.printf("held-out prompts judged by the rubric: %d (%d answers each)%n", r.prompts(), k);
            out.printf("  model %d mean rubric score %.3f +- %.3f (95%%)%n", baseline, r.baselineMean(), r.baselineCi());
            out.printf("  model %d mean rubric score %.3f +- %.3f (95%%)%n", candidate, r.candidateMean(), r.candidateCi());
            out.printf("  %d - %d (paired)  %+.3f +- %.3f (95%%, per-prompt differences)%n", candidate, baseline,
                    r.diffMean(), r.diffCi());
            out.printf("  win rate of %d over %d  %.3f (ties count half)%n", candidate, baseline, r.winRate());
            out.printf("  correct share  %d: %.3f, %d: %.3f, paired %+.3f +- %.3f (95%%)%n", baseline,
                    r.baseline().correct(), candidate, r.candidate().correct(), r.correctDiffMean(), r.correctDiffCi());
            out.printf("  KL(%d || %d)  %.3f nats per response (mean length %.1f tokens)%n", candidate, baseline,
                    r.klPerResponse(), r.candidateLength());
            out.printf("  model %d answers: %s%n", baseline, r.baseline());
            out.printf("  model %d answers: %s%n", candidate, r.candidate());
        }
        return 0;
    }
}
