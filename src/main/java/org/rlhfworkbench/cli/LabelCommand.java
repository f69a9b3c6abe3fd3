package org.rlhfworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rlhfworkbench.core.sample.Rubric;
import org.rlhfworkbench.jobs.label.LabelConfig;
import org.rlhfworkbench.jobs.label.RubricLabeler;
import org.rlhfworkbench.lm.LanguageModels;
import org.rlhfworkbench.store.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * `rlhf label DIR --annotator rubric [--prompts N] [-k K] [--seed S] [--batch B]`: generates K
 * responses per unlabeled sample prompt with the project's policy model and ranks them with the
 * sample's rubric, a simulated annotator. (People label in the GUI's labeling view.)
 */
@Command(name = "label", mixinStandardHelpOptions = true,
        description = "Label prompts with a simulated annotator (the sample's rubric); the labels are marked simulated.")
final class LabelCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "project folder")
    Path dir;

    @Option(names = "--annotator", required = true, paramLabel = "NAME",
            description = "the simulated annotator; only 'rubric' (judges prompts of the bundled sample)")
    String annotator;

    @Option(names = "--prompts", defaultValue = "20", paramLabel = "N",
            description = "how many unlabeled prompts to label (default: ${DEFAULT-VALUE})")
    int prompts;

    @Option(names = "-k", paramLabel = "K", description = "responses per prompt, 2 to 9 (default: project meta k, else 4)")
    Integer k;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S",
            description = "sampling seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--batch", defaultValue = "8", paramLabel = "B",
            description = "prompts per sampling call (default: ${DEFAULT-VALUE})")
    int batch;

    @Override
    public Integer call() {
        if (!"rubric".equalsIgnoreCase(annotator)) {
            throw new ParameterException(spec.commandLine(), "unknown annotator '" + annotator
                    + "'; the command line only has the simulated annotator 'rubric' (people label in the GUI)");
        }
        if (prompts < 1 || batch < 1 || (k != null && (k < 2 || k > 9))) {
            throw new ParameterException(spec.commandLine(), "need --prompts >= 1, --batch >= 1 and -k from 2 to 9");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Project project = Project.open(dir)) {
            int kk = k != null ? k : LabelConfig.k(project);
            RubricLabeler.Report r = new RubricLabeler(project, LanguageModels::load)
                    .run(new RubricLabeler.Options(prompts, kk, seed, batch), (done, target, seconds) -> {
                        out.printf("labeled %d/%d prompts (%.1f s)%n", done, target, seconds);
                        out.flush();
                    });
            if (r.notFromSample() > 0) {
                out.println("skipped " + r.notFromSample() + " unlabeled prompts that are not from the sample corpus"
                        + " (the rubric cannot judge them)");
            }
            if (r.labeled() == 0) {
                if (r.notFromSample() > 0) {
                    throw new IllegalStateException("no unlabeled prompt in " + project.dir()
                            + " comes from the sample corpus, so the rubric cannot label any");
                }
                out.println("nothing to label: every prompt in " + project.dir() + " has a ranking");
                return 0;
            }
            out.printf("SIMULATED labels: %d prompts x %d responses from %s ranked by the rubric (annotator %s),"
                    + " %d preference pairs, %.1f s. These labels are simulated, not from a person.%n",
                    r.labeled(), kk, r.model(), Rubric.ANNOTATOR, r.pairs(), r.seconds());
        }
        return 0;
    }
}
