package org.rlhfworkbench.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.ModelKind;
import org.rlhfworkbench.core.RunRecord;
import org.rlhfworkbench.jobs.ProjectService;
import org.rlhfworkbench.jobs.SameThreadBackgroundExecutor;
import org.rlhfworkbench.jobs.run.RewardJob;
import org.rlhfworkbench.jobs.run.TrainJob;
import org.rlhfworkbench.jobs.run.TrainingSlot;
import org.rlhfworkbench.store.Project;
import org.rlhfworkbench.train.run.RunContext;
import org.rlhfworkbench.train.run.StepLoop;

/** A tab that trains against a weak reward model asks first; the model is marked in its pickers. */
class WeakRewardModelTest {
    @TempDir
    Path home;
    private ProjectService service;
    private long weak;
    private long good;

    /** Ends at once. */
    static final class Quick implements TrainJob {
        public String kind() {
            return "rl";
        }

        public Object config() {
            return Map.of();
        }

        public long seed() {
            return 1;
        }

        public void prepare(Project p) {
        }

        public StepLoop.Outcome train(RunContext ctx, boolean resume) {
            return StepLoop.Outcome.DONE;
        }

        public String finish(Project p, long runId) {
            return "ok";
        }

        public void close() {
        }
    }

    /** Scores with the reward model {@code choice} (null: the newest). */
    static final class RlTab extends TrainingTabModel {
        Long choice;

        RlTab(ProjectService projects) {
            super(new SameThreadBackgroundExecutor(), projects, "rl", new DashboardSpec(List.of(ChartSpec.of("Loss",
                    "loss")), "loss", "Loss"));
        }

        @Override
        protected TrainJob newJob() {
            return new Quick();
        }

        @Override
        protected TrainJob rebuild(RunRecord run, JsonNode config) {
            return new Quick();
        }

        @Override
        protected boolean usesRewardModel() {
            return true;
        }

        @Override
        protected Long rewardModelId() {
            return choice;
        }
    }

    @BeforeEach
    void project() throws Exception {
        Path dir = home.resolve("p");
        try (Project p = Project.create(dir)) {
            good = rewardModel(p, dir, "rm-good", "{\"eval_accuracy\": 0.74, \"train_prompts\": 300}");
            weak = rewardModel(p, dir, "rm-weak", "{\"eval_accuracy\": 0.55, \"train_prompts\": 30}");
        }
        service = new ProjectService(home.resolve("home"));
        service.open(dir);
    }

    private static long rewardModel(Project p, Path dir, String name, String stats) throws Exception {
        Files.createDirectories(dir.resolve("models").resolve(name));
        Files.writeString(dir.resolve("models").resolve(name).resolve(RewardJob.STATS_FILE), stats);
        return p.models().add(name, ModelKind.REWARD, null, "models/" + name, null);
    }

    @AfterEach
    void close() throws Exception {
        TrainingSlot.awaitIdle(Duration.ofSeconds(30));
        service.close();
    }

    @Test
    void startingAgainstTheWeakNewestRewardModelAsksAndCancelStartsNothing() {
        RlTab tab = new RlTab(service);
        tab.projectChanged();
        String[] asked = new String[1];
        tab.runner().setPrompter((header, text, yes, no) -> {
            asked[0] = header + ": " + text + " [" + yes + "/" + no + "]";
            return false;
        });

        tab.start();

        assertThat(asked[0]).startsWith("Weak reward model: Reward model #" + weak + " (rm-weak): trained on 30"
                + " rankings (under 50), held-out accuracy 0.55 (under 0.6).").endsWith("[Train anyway/Cancel]");
        assertThat(tab.runner().library().statusLineProperty().get()).startsWith("Not started: reward model #" + weak);
        assertThat(service.project().runs().count()).isZero();
    }

    @Test
    void trainAnywayStartsTheRun() throws Exception {
        RlTab tab = new RlTab(service);
        tab.projectChanged();
        tab.runner().setPrompter(Prompter.YES);
        tab.start();
        TrainingSlot.awaitIdle(Duration.ofSeconds(30));
        assertThat(service.project().runs().count()).isEqualTo(1);
    }

    @Test
    void aGoodRewardModelStartsWithoutAQuestion() throws Exception {
        RlTab tab = new RlTab(service);
        tab.choice = good;
        tab.projectChanged();
        tab.runner().setPrompter((header, text, yes, no) -> {
            throw new AssertionError("asked about a good reward model: " + text);
        });
        tab.start();
        TrainingSlot.awaitIdle(Duration.ofSeconds(30));
        assertThat(service.project().runs().count()).isEqualTo(1);
    }

    @Test
    void thePickerMarksTheWeakModel() {
        RlTab tab = new RlTab(service);
        tab.projectChanged();
        List<ModelChoice> choices = ModelChoice.list("newest", tab.runner().library().models(),
                m -> m.kind() == ModelKind.REWARD);
        assertThat(choices).extracting(ModelChoice::label).anyMatch(l -> l.startsWith("#" + weak + "  rm-weak")
                && l.endsWith("⚠ trained on 30 rankings (under 50), held-out accuracy 0.55 (under 0.6)"));
        assertThat(choices).extracting(ModelChoice::label).anyMatch(l -> l.startsWith("#" + good) && !l.contains("⚠"));
    }
}
