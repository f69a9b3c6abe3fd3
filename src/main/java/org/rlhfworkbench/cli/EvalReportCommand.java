package org.rlhfworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.rlhfworkbench.jobs.eval.ArenaExport;
import org.rlhfworkbench.jobs.eval.ArenaReport;
import org.rlhfworkbench.jobs.eval.ArenaResults;
import org.rlhfworkbench.jobs.eval.PairJudge;
import org.rlhfworkbench.jobs.eval.RewardJudge;
import org.rlhfworkbench.jobs.eval.RubricJudge;
import org.rlhfworkbench.store.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `rlhf eval-report DIR [--json] [--export FILE] [--reward-model ID|none] [--to-preferences]`. */
@Command(name = "eval-report", description = "Arena results: win rate per pair with 95%% Wilson interval (ties count half),"
        + " Bradley-Terry ranking, per-criterion tables, and the same pairs judged by a reward model and the rubric.")
final class EvalReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "the project")
    Path dir;

    @Option(names = "--json", description = "print the results as one JSON object")
    boolean json;

    @Option(names = "--export", paramLabel = "FILE", description = "also write every vote to FILE (.csv, else JSONL)")
    Path export;

    @Option(names = "--reward-model", defaultValue = "newest",
            description = "reward model id that judges the same pairs, newest, or none (default ${DEFAULT-VALUE})")
    String rewardModel;

    @Option(names = "--to-preferences", description = "opt in: turn each decisive vote not turned yet into a two-answer"
            + " ranking for the reward model (note 'from arena comparison ID', the vote's annotator)")
    boolean toPreferences;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Project p = Project.open(dir)) {
            if (toPreferences) {
                int made = 0;
                for (var c : p.comparisons().all()) {
                    made += p.comparisons().toPreference(c.id()).isPresent() ? 1 : 0;
                }
                spec.commandLine().getErr().printf("%d votes turned into preference pairs%n", made);
            }
            if (export != null) {
                int n = ArenaExport.write(p, export);
                spec.commandLine().getErr().printf("%d votes written to %s%n", n, export);
            }
            List<PairJudge> judges = new ArrayList<>(List.of(new RubricJudge()));
            RewardJudge rm = rewardModel.equals("none") ? null : rewardModel.equals("newest")
                    ? RewardJudge.newest(p).orElse(null) : new RewardJudge(p, Long.parseLong(rewardModel));
            if (rm != null) {
                judges.add(rm);
            }
            try {
                ArenaResults r = ArenaReport.build(p, judges);
                if (json) {
                    out.println(CliJson.write(r));
                } else {
                    ArenaText.print(out, r);
                }
            } finally {
                if (rm != null) {
                    rm.close();
                }
            }
        }
        return 0;
    }
}
