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

    @Option(names = "--methods", split = ",", defaultValue = "ppo",
            description = "policies to train from the SFT model and judge: ppo, grpo, dpo, online-dpo"
                    + " (default ${DEFAULT-VALUE})")
    List<String> methods;

    @Option(names = "--grpo-steps", defaultValue = "60", description = "GRPO steps (default ${DEFAULT-VALUE})")
    int grpoSteps;

    @Option(names = "--grpo-reward", split = ",", defaultValue = "exact,rm",
            description = "GRPO's reward sources, as grpo --reward takes them (default ${DEFAULT-VALUE})")
    List<String> grpoRewards;

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
        List<String[]> rows = new java.util.ArrayList<>();
        for (String method : methods) {
            long t0 = System.nanoTime();
            String output = switch (method) {
                case "ppo" -> step(out, "ppo", "ppo", d, "--steps", "" + ppoSteps, "--temperature", "" + temperature,
                        "--seed", "" + seed);
                case "grpo" -> step(out, "grpo", grpoArgs(d));
                case "dpo" -> step(out, "dpo", "dpo", d, "--seed", "" + seed);
                case "online-dpo" -> step(out, "online-dpo", "online-dpo", d, "--iterations", "3", "--temperature",
                        "" + temperature, "--seed", "" + seed);
                default -> throw new IllegalArgumentException("unknown method " + method
                        + " (ppo, grpo, dpo, online-dpo)");
            };
            double wall = (System.nanoTime() - t0) / 1e9;
            if (method.equals("ppo")) {
                out.println(PpoTimes.line(output, wall));
            }
            rows.add(new String[] {method, "" + newestModel(output), String.format("%.1f", wall)});
        }
        for (String[] row : rows) {
            PolicyComparison.Result r = judge(dir, Long.parseLong(row[1]), temperature, seed, judgeK);
            String name = row[0].toUpperCase(java.util.Locale.ROOT);
            out.printf("%s (model %s, trained in %s s) on %d held-out prompts judged by the rubric, %d answers each:%n",
                    name, row[1], row[2], r.prompts(), judgeK);
            out.printf("  SFT  mean rubric score %.3f +- %.3f (95%%)%n", r.baselineMean(), r.baselineCi());
            out.printf("  %s  mean rubric score %.3f +- %.3f (95%%)%n", name, r.candidateMean(), r.candidateCi());
            out.printf("  %s - SFT (paired)  %+.3f +- %.3f (95%%, per-prompt differences)%n", name, r.diffMean(),
                    r.diffCi());
            out.printf("  win rate vs SFT  %.3f (ties count half)%n", r.winRate());
            out.printf("  correct share    SFT %.3f, %s %.3f, paired %+.3f +- %.3f (95%%)%n", r.baseline().correct(),
                    name, r.candidate().correct(), r.correctDiffMean(), r.correctDiffCi());
            out.printf("  KL to SFT        %.3f nats per response (mean length %.1f tokens)%n", r.klPerResponse(),
                    r.candidateLength());
            out.printf("  SFT answers: %s%n", r.baseline());
            out.printf("  %s answers: %s%n", name, r.candidate());
        }
        return 0;
    }

    private String[] grpoArgs(String d) {
        List<String> args = new java.util.ArrayList<>(List.of("grpo", d, "--steps", "" + grpoSteps, "--temperature",
                "" + temperature, "--seed", "" + seed));
        for (String r : grpoRewards) {
            args.add("--reward");
            args.add(r);
        }
        return args.toArray(String[]::new);
    }

    /** A policy model against the newest SFT model on the held-out prompts, k answers each. */
    static PolicyComparison.Result judge(Path dir, long candidate, float temperature, long seed, int k) {
        PpoJob.Config cfg = new PpoJob.Config(null, null, 0.2,
                PpoCommand.config(null, null, false, null, temperature, seed, false));
        try (Project p = Project.open(dir)) {
            ModelEntry sft = ModelPicker.pick(p, null, ModelKind.SFT);
            List<Prompt> held = p.prompts().all().stream().filter(x -> PpoJob.heldOut(x.id(), cfg)).toList();
            return PolicyComparison.compare(p, ModelPicker.folder(p, sft), ModelPicker.folder(p, ModelPicker.pick(p,
                    candidate)), held, temperature, cfg.ppo().maxNewTokens(), seed + 1, k);
        }
    }

    /** The id in the last "model N (models/...)" line a training command printed. */
    static long newestModel(String output) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^model (\\d+) \\(").matcher(output);
        long id = -1;
        while (m.find()) {
            id = Long.parseLong(m.group(1));
        }
        if (id < 0) {
            throw new IllegalStateException("the training step saved no model:\n" + output);
        }
        return id;
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
