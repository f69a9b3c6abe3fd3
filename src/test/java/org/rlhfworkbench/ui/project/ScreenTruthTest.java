package org.rlhfworkbench.ui.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.ModelKind;
import org.rlhfworkbench.core.RunRecord;
import org.rlhfworkbench.core.RunStatus;
import org.rlhfworkbench.jobs.ProjectService;
import org.rlhfworkbench.jobs.SameThreadBackgroundExecutor;
import org.rlhfworkbench.jobs.SampleProjects;
import org.rlhfworkbench.jobs.label.HistoryEntry;
import org.rlhfworkbench.jobs.label.LabelDecision;
import org.rlhfworkbench.jobs.label.LabelItem;
import org.rlhfworkbench.jobs.label.LabelProgress;
import org.rlhfworkbench.jobs.label.LabelSettings;
import org.rlhfworkbench.jobs.label.LabelingService;
import org.rlhfworkbench.jobs.label.NotifyingLabelingService;
import org.rlhfworkbench.jobs.run.TrainingSlot;
import org.rlhfworkbench.store.Project;
import org.rlhfworkbench.ui.charts.TrainingRunner;
import org.rlhfworkbench.ui.ppo.PpoViewModel;
import org.rlhfworkbench.ui.reward.RewardViewModel;
import org.rlhfworkbench.ui.sft.SftViewModel;

/**
 * The screen tells the truth: counts, pickers and runs tables follow changes made elsewhere,
 * opening another project resets the tabs, and a second Start while a run trains is refused
 * with a clear line and no failed run. Real runs on the sample project, same-thread executor.
 */
class ScreenTruthTest {
    @TempDir
    Path home;
    private ProjectService service;
    private MainViewModel main;
    private SftViewModel sft;
    private RewardViewModel reward;
    private PpoViewModel ppo;

    @BeforeEach
    void open() throws Exception {
        assertThat(TrainingSlot.awaitIdle(Duration.ofSeconds(120))).isTrue();
        SameThreadBackgroundExecutor executor = new SameThreadBackgroundExecutor();
        service = new ProjectService(home);
        main = new MainViewModel(executor, service);
        sft = new SftViewModel(executor, service);
        reward = new RewardViewModel(executor, service);
        ppo = new PpoViewModel(executor, service);
        main.openAtStart(Optional.of(SampleProjects.ensureSample(home)));
        sft.epochsProperty().set(1);
        sft.projectChanged();
        reward.projectChanged();
        ppo.projectChanged();
    }

    @AfterEach
    void close() throws Exception {
        sft.close();
        drainUntil(sft.runner(), () -> !sft.runner().activeProperty().get());
        service.close();
    }

    @Test
    void labelsStoredThroughTheServiceUpdateTheCountsWithoutARefresh() {
        long before = main.countProperty(ProjectCount.PROMPTS).get();
        NotifyingLabelingService labeling = new NotifyingLabelingService(new WritingService(service), service);

        labeling.submit(null);

        assertThat(main.countProperty(ProjectCount.PROMPTS).get()).isEqualTo(before + 1);
    }

    @Test
    void theRunsTableShowsTheActiveRunOtherTabsSeeTheModelItMadeAndAnotherProjectResetsThem() throws Exception {
        int policiesBefore = ppo.settings().policies().size();
        sft.start();

        assertThat(sft.runner().library().runs()).extracting(RunRecord::status).containsExactly(RunStatus.RUNNING);
        assertThat(main.countProperty(ProjectCount.RUNS).get()).isEqualTo(1);

        drainUntil(sft.runner(), () -> sft.runner().statusProperty().get() == RunStatus.DONE);
        assertThat(sft.runner().library().runs()).extracting(RunRecord::status).containsExactly(RunStatus.DONE);
        assertThat(ppo.runner().library().models()).anyMatch(m -> m.kind() == ModelKind.SFT);
        assertThat(ppo.settings().policies()).hasSize(policiesBefore + 1);
        assertThat(reward.runner().library().models()).anyMatch(m -> m.kind() == ModelKind.SFT);
        assertThat(main.countProperty(ProjectCount.MODELS).get()).isEqualTo(2);

        // opening another project resets the tabs (one SFT run serves both checks: runs are slow here)
        assertThat(sft.runner().dashboard().titleProperty().get()).isEqualTo("run 1");
        Path other = home.resolve("other");
        Project.create(other).close();

        main.open(other);
        sft.projectChanged();
        ppo.projectChanged();

        assertThat(main.projectNameProperty().get()).isEqualTo("other");
        TrainingRunner runner = sft.runner();
        assertThat(runner.dashboard().titleProperty().get()).isEmpty();
        assertThat(runner.dashboard().points()).isEmpty();
        assertThat(runner.statusProperty().get()).isNull();
        assertThat(runner.library().runs()).isEmpty();
        assertThat(runner.library().statusLineProperty().get()).isEmpty();
        assertThat(ppo.runner().library().models()).isEmpty();
        assertThat(ppo.unfinished().runProperty().get()).isNull();
    }

    @Test
    void aSecondStartInAnotherTabIsRefusedWithAClearLineAndNoFailedRun() throws Exception {
        sft.epochsProperty().set(3);
        sft.start();
        assertThat(sft.runner().activeProperty().get()).isTrue();
        String[] asked = new String[1];
        reward.runner().setPrompter((header, text, yes, no) -> {
            asked[0] = text + " [" + yes + "/" + no + "]";
            return false;  // Cancel: not queued
        });

        reward.start();

        assertThat(asked[0]).contains("run 1 (sft)", "one run trains at a time", "[Queue/Cancel]");
        String line = reward.runner().library().statusLineProperty().get();
        assertThat(line).contains("run 1 (sft)", "one run trains at a time").doesNotContain("GradientCollector");
        assertThat(reward.runner().activeProperty().get()).isFalse();
        assertThat(service.project().runs().all()).extracting(RunRecord::kind).containsExactly("sft");
        assertThat(service.project().runs().all()).noneMatch(r -> r.status() == RunStatus.FAILED);

        reward.runner().setPrompter(org.rlhfworkbench.ui.charts.Prompter.YES);  // Queue
        reward.start();
        assertThat(reward.runner().statusProperty().get()).isEqualTo(RunStatus.QUEUED);
        assertThat(service.project().runs().get(reward.runner().runId()).status()).isEqualTo(RunStatus.QUEUED);
        reward.runner().cancel();  // out of the queue again
        assertThat(service.project().runs().get(reward.runner().runId()).status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(service.project().runs().all()).noneMatch(r -> r.status() == RunStatus.FAILED);
    }

    @Test
    void openingAnotherProjectWhileARunTrainsIsRefused() throws Exception {
        sft.epochsProperty().set(3);
        sft.start();
        Path other = home.resolve("other");
        Project.create(other).close();

        main.open(other);

        assertThat(main.lastErrorProperty().get()).contains("while run 1 (sft)", "is training");
        assertThat(main.projectNameProperty().get()).isNotEqualTo("other");
    }

    @Test
    void aModelFolderOpenedAsAProjectSaysWhatToDo() {
        Path model = service.project().dir().resolve(service.project().models().all().get(0).path());
        main.open(model);
        assertThat(main.lastErrorProperty().get()).contains("is a model folder, not a project", "Models tab");
    }

    /** Stores a "decision" by adding a prompt, so the counts have something to show. */
    private record WritingService(ProjectService service) implements LabelingService {
        public LabelSettings settings() {
            return null;
        }

        public Optional<LabelItem> next() {
            return Optional.empty();
        }

        public long submit(LabelDecision decision) {
            return service.project().prompts().add("a prompt written by a decision", "test");
        }

        public void replace(long rankingId, LabelDecision decision) {
        }

        public void undo(long rankingId) {
        }

        public LabelItem reopen(long rankingId) {
            return null;
        }

        public List<HistoryEntry> history(int n) {
            return List.of();
        }

        public LabelProgress progress() {
            return null;
        }

        public void close() {
        }
    }

    private static void drainUntil(TrainingRunner runner, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + 180_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out; status line: " + runner.library().statusLineProperty().get());
            }
            Thread.sleep(15);
            runner.drain();
        }
    }
}
