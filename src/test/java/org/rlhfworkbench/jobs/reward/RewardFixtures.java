package org.rlhfworkbench.jobs.reward;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rlhfworkbench.core.RunStatus;
import org.rlhfworkbench.core.sample.AnswerStyle;
import org.rlhfworkbench.core.sample.SampleDialogue;
import org.rlhfworkbench.core.sample.SampleGenerator;
import org.rlhfworkbench.formats.ImportFormat;
import org.rlhfworkbench.formats.Importer;
import org.rlhfworkbench.jobs.SampleProjects;
import org.rlhfworkbench.jobs.run.JobHandle;
import org.rlhfworkbench.jobs.run.Jobs;
import org.rlhfworkbench.jobs.run.RewardJob;
import org.rlhfworkbench.jobs.run.RunListener;
import org.rlhfworkbench.store.Project;
import org.rlhfworkbench.core.config.RewardConfig;

/**
 * The sample project with ranked prompts (ideal > curt > wrong and rude, except every fourth
 * prompt ranked the other way round, as a careless annotator would), and a reward model on them.
 */
public final class RewardFixtures {
    /** One short epoch: enough for a model, not for a good one. */
    public static final RewardConfig SMALL = new RewardConfig(1, 4, 2e-4f, 2, 0.25, 96, 0.0, 0.01, 50, 7);

    private RewardFixtures() {
    }

    /** The sample project under {@code home} with {@code n} three-way rankings imported. */
    public static Path rankedSample(Path home, int n) throws IOException {
        Path dir = SampleProjects.ensureSample(home);
        SampleGenerator gen = new SampleGenerator(5);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            SampleDialogue d = gen.next();
            lines.add("{\"prompt\":" + q(d.prompt().text()) + ",\"responses\":[" + q(d.answer(AnswerStyle.IDEAL).text())
                    + "," + q(d.answer(AnswerStyle.CURT).text()) + "," + q(d.answer(AnswerStyle.WRONG_RUDE).text())
                    + "],\"rewards\":" + (i % 4 == 3 ? "[0,1,2]" : "[2,1,0]") + "}");
        }
        Path file = home.resolve("ranked.jsonl");
        Files.write(file, lines);
        try (Project p = Project.open(dir)) {
            Importer.importFile(p, file, ImportFormat.RLHFLOW, false);
        }
        return dir;
    }

    /** Trains a reward model with {@link #SMALL} in the open project; fails unless the run ends done. */
    public static void trainRewardModel(Project p) throws Exception {
        JobHandle h = Jobs.start(p, new RewardJob(new RewardJob.Config(null, SMALL)), RunListener.NONE);
        JobHandle.JobResult r = h.await();
        if (r.status() != RunStatus.DONE) {
            throw new IllegalStateException("reward run failed: " + r.message());
        }
    }

    static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
