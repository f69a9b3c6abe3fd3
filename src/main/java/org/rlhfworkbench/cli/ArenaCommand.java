package org.rlhfworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rlhfworkbench.core.sample.Rubric;
import org.rlhfworkbench.jobs.eval.ArenaSetup;
import org.rlhfworkbench.jobs.eval.ArenaSimulation;
import org.rlhfworkbench.jobs.eval.PromptSet;
import org.rlhfworkbench.lm.LanguageModels;
import org.rlhfworkbench.store.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `rlhf arena DIR --models A,B[,C] --prompts N --annotator rubric`: blind pairs voted on by the simulated annotator. */
@Command(name = "arena", description = "Blind A/B pairs of two or more models on a prompt set, voted on by the simulated"
        + " annotator (the sample's rubric; votes marked simulated). People vote in the Evaluate tab.")
final class ArenaCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "the project")
    Path dir;

    @Option(names = "--models", required = true, split = ",", description = "two or more model ids, e.g. 2,5")
    List<Long> models;

    @Option(names = "--prompts", defaultValue = "20", description = "pairs to judge (default ${DEFAULT-VALUE})")
    int prompts;

    @Option(names = "--annotator", defaultValue = "rubric",
            description = "who votes: rubric (the simulated annotator; the only one here)")
    String annotator;

    @Option(names = "--set", defaultValue = "held_out",
            description = "prompt set: held_out, unlabeled, all or file (default ${DEFAULT-VALUE})")
    String set;

    @Option(names = "--file", description = "prompts file for --set file (TXT or JSONL)")
    Path file;

    @Option(names = "--temperature", defaultValue = "0.7", description = "sampling temperature (default ${DEFAULT-VALUE})")
    float temperature;

    @Option(names = "--top-p", defaultValue = "0.95", description = "nucleus sampling (default ${DEFAULT-VALUE})")
    float topP;

    @Option(names = "--max-new-tokens", defaultValue = "64", description = "answer length limit (default ${DEFAULT-VALUE})")
    int maxNewTokens;

    @Option(names = "--seed", defaultValue = "1", description = "prompt order, sides and sampling (default ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!annotator.equalsIgnoreCase("rubric")) {
            throw new IllegalArgumentException("--annotator " + annotator + ": only rubric votes from the command line;"
                    + " people vote in the Evaluate tab");
        }
        PromptSet promptSet = Arrays.stream(PromptSet.values())
                .filter(s -> s.name().equalsIgnoreCase(set.replace('-', '_'))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--set " + set + ": expected held_out, unlabeled, all or file"));
        ArenaSetup setup = new ArenaSetup(models, promptSet, file, prompts, temperature, topP, maxNewTokens, seed,
                Rubric.ANNOTATOR);
        try (Project p = Project.open(dir)) {
            ArenaSimulation.Report r = ArenaSimulation.run(p, setup, LanguageModels::load,
                    (done, planned) -> err.printf("\r  %d / %d votes", done, planned));
            err.println();
            out.printf(Locale.ROOT, "%d simulated votes (%s) in %.1f s%s%n", r.votes(), Rubric.ANNOTATOR, r.seconds(),
                    r.notFromSample() > 0 ? "; " + r.notFromSample() + " pairs passed over (not sample prompts)" : "");
            out.println("see the results with: rlhf eval-report " + dir);
        }
        return 0;
    }
}
