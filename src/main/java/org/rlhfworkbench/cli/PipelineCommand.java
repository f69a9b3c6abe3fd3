package org.rlhfworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.rlhfworkbench.core.ModelEntry;
import org.rlhfworkbench.core.ModelKind;
import org.rlhfworkbench.core.Prompt;
import org.rlhfworkbench.jobs.run.ModelPicker;
import org.rlhfworkbench.jobs.run.PolicyComparison;
import org.rlhfworkbench.jobs.run.PpoJob;
import org.rlhfworkbench.store.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * `rlhf pipeline DIR --annotator rubric`: the whole loop on a sample project — simulated
 * ranking, SFT, reward model, PPO — then the PPO policy against the SFT model on held-out
 * prompts, judged by the rubric.
 */
@Command(name = "pipeline", description = "Run label (simulated) -> SFT -> reward model -> PPO on a sample project"
        + " and compare the PPO policy with the SFT model on held-out prompts (rubric as gold judge).")
final class PipelineCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "a sample project (./rlhf project sample DIR)")
    Path dir;

    @Option(names = "--annotator", required = true, description = "rubric (the only simulated annotator)")
    String annotator;

    @Option(names = "--prompts", defaultValue = "200", description = "prompts to label (default ${DEFAULT-VALUE})")
    int prompts;

    @Option(names = "-k", defaultValue = "8", description = "responses per prompt (default ${DEFAULT-VALUE})")
    int k;

    @Option(names = "--ppo-steps", defaultValue = "60", description = "PPO steps (default ${DEFAULT-VALUE})")
    int ppoSteps;

    @Option(names = "--temperature", defaultValue = "1.0",
            description = "sampling temperature for labeling, PPO rollouts and evaluation (default ${DEFAULT-VALUE})")
    float temperature;

    @Option(names = "--judge-k", defaultValue = "8",
            description = "answers per held-out prompt and model for the final judgement (default ${DEFAULT-VALUE})")
    int judgeK;

    @Option(names = "--seed", defaultValue = "42", description = "seed for every stage (default ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        String d = dir.toString();
        step(out, "settings", "project", "set", d, "temperature", "" + temperature);
        step(out, "label", "label", d, "--annotator", annotator, "--prompts", "" + prompts, "-k", "" + k);
        step(out, "sft", "sft", d, "--epochs", "3", "--seed", "" + seed);
        step(out, "reward", "reward", d, "--epochs", "3", "--lr", "1e-4", "--seed", "" + seed);
        long t0 = System.nanoTime();
        String ppo = step(out, "ppo", "ppo", d, "--steps", "" + ppoSteps, "--temperature", "" + temperature, "--seed",
                "" + seed);
        out.println(PpoTimes.line(ppo, (System.nanoTime() - t0) / 1e9));
        PolicyComparison.Result r = judge(dir, ppoSteps, temperature, seed, judgeK);
        out.printf("held-out prompts judged by the rubric: %d (%d answers each, per-prompt means)%n", r.prompts(),
                judgeK);
        out.printf("  SFT  mean rubric score %.3f +- %.3f (95%%)%n", r.baselineMean(), r.baselineCi());
        out.printf("  PPO  mean rubric score %.3f +- %.3f (95%%)%n", r.candidateMean(), r.candidateCi());
        out.printf("  PPO - SFT (paired)     %+.3f +- %.3f (95%%, per-prompt differences)%n", r.diffMean(), r.diffCi());
        out.printf("  PPO win rate vs SFT    %.3f (ties count half)%n", r.winRate());
        out.printf("  KL(PPO || SFT)         %.3f nats per response (mean length %.1f tokens)%n",
                r.klPerResponse(), r.candidateLength());
        out.printf("  SFT answers: %s%n", r.baseline());
        out.printf("  PPO answers: %s%n", r.candidate());
        return 0;
    }

    /** The newest PPO policy against the newest SFT model on the held-out prompts, k answers each. */
    static PolicyComparison.Result judge(Path dir, int ppoSteps, float temperature, long seed, int k) {
        PpoJob.Config cfg = new PpoJob.Config(null, null, 0.2,
                PpoCommand.config(ppoSteps, null, false, null, temperature, seed, false));
        try (Project p = Project.open(dir)) {
            ModelEntry sft = ModelPicker.pick(p, null, ModelKind.SFT);
            ModelEntry ppo = ModelPicker.pick(p, null, ModelKind.POLICY);
            List<Prompt> held = p.prompts().all().stream().filter(x -> PpoJob.heldOut(x.id(), cfg)).toList();
            return PolicyComparison.compare(p, ModelPicker.folder(p, sft), ModelPicker.folder(p, ppo), held,
                    cfg.ppo().temperature(), cfg.ppo().maxNewTokens(), seed + 1, k);
        }
    }

    /** Runs one CLI step, prints its last line and returns everything it printed. */
    private String step(PrintWriter out, String name, String... args) {
        long t0 = System.nanoTime();
        java.io.StringWriter buf = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int code = RlhfCli.execute(new PrintWriter(buf, true), new PrintWriter(err, true), args);
        String[] lines = buf.toString().strip().split("\n");
        out.printf("== %s (%.1f s): %s%n", name, (System.nanoTime() - t0) / 1e9, lines[lines.length - 1]);
        if (code != 0) {
            throw new IllegalStateException(name + " failed: " + err.toString().strip());
        }
        return buf.toString();
    }
}
