package org.rlhfworkbench.ui.ppo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.MetricPoint;
import org.rlhfworkbench.core.ModelKind;
import org.rlhfworkbench.core.RunRecord;
import org.rlhfworkbench.core.RunStatus;
import org.rlhfworkbench.jobs.ProjectService;
import org.rlhfworkbench.jobs.SameThreadBackgroundExecutor;
import org.rlhfworkbench.jobs.ppo.PpoMetricNames;
import org.rlhfworkbench.core.config.PpoConfig;
import org.rlhfworkbench.ui.charts.MetricSeries;
import org.rlhfworkbench.ui.charts.TrainingRunner;

/** The PPO view model on the sample project with an SFT and a reward model: short real PPO runs. */
class PpoViewModelTest {
    @TempDir
    Path home;
    private ProjectService service;
    private PpoViewModel vm;
    private TrainingRunner runner;

    @BeforeEach
    void open() {
        service = new ProjectService(home);
        service.open(PpoFixture.project(home));
        vm = new PpoViewModel(new SameThreadBackgroundExecutor(), service);
        vm.runner().setPrompter(org.rlhfworkbench.ui.charts.Prompter.YES);  // tiny fixture RM: weak
        vm.settings().use(PpoFixture.SMALL);
        vm.projectChanged();
        runner = vm.runner();
    }

    @AfterEach
    void close() throws Exception {
        if (runner.activeProperty().get()) {
            runner.cancel();
            drainUntil(() -> !vm.isRunning());
        }
        service.close();
    }

    @Test
    void offersStartModelsAndRewardModels() {
        assertThat(vm.settings().policies()).extracting(c -> c.label()).first().isEqualTo(PpoSettings.AUTOMATIC_POLICY);
        assertThat(vm.settings().policies()).anyMatch(c -> c.label().contains("(sft)"))
                .noneMatch(c -> c.label().contains("(reward)"));
        assertThat(vm.settings().rewards()).hasSize(2).last().satisfies(c -> assertThat(c.label()).contains("(reward)"));
    }

    @Test
    void aShortRunDeliversTrlMetricsProbeSamplesAndTileFigures() throws Exception {
        List<Boolean> running = new ArrayList<>();
        vm.runningProperty().addListener((obs, old, now) -> running.add(now));

        vm.start();
        drainUntil(() -> runner.statusProperty().get() == RunStatus.DONE);

        for (String name : List.of(PpoMetricNames.SCORES, PpoMetricNames.RLHF_REWARD, PpoMetricNames.KL,
                PpoMetricNames.ENTROPY, PpoMetricNames.POLICY_LOSS, PpoMetricNames.VALUE_LOSS, PpoMetricNames.CLIPFRAC,
                PpoMetricNames.APPROX_KL, PpoMetricNames.RATIO, PpoMetricNames.RESPONSE_LENGTH)) {
            MetricSeries s = runner.dashboard().primary().series(name);
            assertThat(s).as(name).isNotNull();
            assertThat(s.size()).as(name).isEqualTo(3);
        }
        assertThat(vm.live().scoreProperty().get()).isFinite()
                .isEqualTo(runner.dashboard().primary().series(PpoMetricNames.SCORES).lastValue());
        assertThat(vm.live().klProperty().get()).isFinite();
        assertThat(vm.live().betaProperty().get()).isEqualTo(0.05);
        assertThat(vm.live().episodesProperty().get()).isEqualTo(12);
        assertThat(vm.live().samplesStepProperty().get()).isEqualTo(3);
        assertThat(vm.live().samples()).isNotEmpty().allSatisfy(p -> {
            assertThat(p.prompt()).isNotBlank();
            assertThat(p.policyScore()).isFinite();
            assertThat(p.referenceScore()).isFinite();
        });
        assertThat(running).containsExactly(true, false);
        assertThat(runner.library().runs()).singleElement().extracting(RunRecord::status).isEqualTo(RunStatus.DONE);
        assertThat(runner.library().models()).anyMatch(m -> m.kind() == ModelKind.POLICY);
        assertThat(vm.unfinished().runProperty().get()).isNull();
    }

    @Test
    void saveCheckpointNowStopsAfterAStepAndTheSameRunContinuesToTheEnd() throws Exception {
        vm.settings().stepsProperty().set(5);
        List<RunStatus> seen = new ArrayList<>();
        List<Boolean> running = new ArrayList<>();
        runner.statusProperty().addListener((obs, old, now) -> seen.add(now));
        vm.runningProperty().addListener((obs, old, now) -> running.add(now));
        vm.start();
        long runId = runner.runId();
        drainUntil(() -> runner.dashboard().stepProperty().get() >= 1);

        vm.saveCheckpointNow();
        drainUntil(() -> vm.checkpointNoteProperty().get().startsWith("Checkpoint saved"));
        drainUntil(() -> runner.statusProperty().get() == RunStatus.DONE);

        assertThat(seen).containsExactly(RunStatus.RUNNING, RunStatus.CANCELLED, RunStatus.RUNNING, RunStatus.DONE);
        assertThat(running).containsExactly(true, false);
        assertThat(runner.runId()).isEqualTo(runId);
        assertThat(service.project().runs().all()).filteredOn(r -> r.kind().equals("ppo")).singleElement()
                .extracting(RunRecord::status).isEqualTo(RunStatus.DONE);
        List<Long> steps = service.project().metrics().series(runId, PpoMetricNames.KL).stream()
                .map(MetricPoint::step).toList();
        assertThat(steps).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void aStoppedRunIsOfferedForResumingAndContinuesFromItsCheckpoint() throws Exception {
        vm.start();
        drainUntil(() -> runner.dashboard().stepProperty().get() >= 1);
        runner.cancel();
        drainUntil(() -> runner.statusProperty().get() == RunStatus.CANCELLED);

        RunRecord offered = vm.unfinished().runProperty().get();
        assertThat(offered).isNotNull();
        assertThat(UnfinishedRun.describe(offered)).contains("run " + offered.id()).contains("was stopped");

        vm.resumeUnfinished();
        assertThat(vm.unfinished().runProperty().get()).isNull();
        drainUntil(() -> runner.statusProperty().get() == RunStatus.DONE);
        assertThat(service.project().metrics().series(offered.id(), PpoMetricNames.KL).stream().map(MetricPoint::step)
                .toList()).containsExactly(1L, 2L, 3L);
        assertThat(runner.dashboard().primary().series(PpoMetricNames.KL).size()).isEqualTo(3);
        assertThat(vm.live().samplesStepProperty().get()).isEqualTo(3);
    }

    @Test
    void badSettingsAreReportedAndStartNothing() {
        vm.settings().learningRateProperty().set("fast");
        vm.start();
        assertThat(runner.library().statusLineProperty().get()).contains("not a number");

        vm.settings().learningRateProperty().set("1e-5");
        vm.settings().temperatureProperty().set(0.0);
        vm.start();
        assertThat(runner.library().statusLineProperty().get()).contains("Temperature");

        assertThat(runner.library().errorProperty().get()).isTrue();
        assertThat(vm.isRunning()).isFalse();
        assertThat(service.project().runs().all()).noneMatch(r -> r.kind().equals("ppo"));
    }

    @Test
    void theFormBecomesTheRunConfigOnTopOfTheBaseSettings() {
        vm.settings().stepsProperty().set(7);
        vm.settings().klCoefProperty().set(0.2);
        vm.settings().adaptiveKlProperty().set(true);
        vm.settings().learningRateProperty().set("1e-5");
        vm.settings().temperatureProperty().set(0.9);
        vm.settings().seedProperty().set(3);
        vm.settings().ptxCoefProperty().set(0.5);
        assertThat(vm.settings().config().ppo().separateCritic()).isFalse();
        vm.settings().separateCriticProperty().set(true);

        PpoConfig c = vm.settings().config().ppo();

        assertThat(c.steps()).isEqualTo(7);
        assertThat(c.klCoef()).isEqualTo(0.2);
        assertThat(c.adaptiveKl()).isTrue();
        assertThat(c.learningRate()).isEqualTo(1e-5f);
        assertThat(c.temperature()).isEqualTo(0.9f);
        assertThat(c.seed()).isEqualTo(3);
        assertThat(c.ptxCoef()).isEqualTo(0.5);
        assertThat(c.separateCritic()).isTrue();
        assertThat(c.rolloutPrompts()).isEqualTo(PpoFixture.SMALL.rolloutPrompts());
        assertThat(c.probeEvery()).isEqualTo(1);
        assertThat(vm.settings().config().evalFraction()).isEqualTo(PpoSettings.EVAL_FRACTION);
    }

    /** Plays the JavaFX pulse: drains the run's queues until the condition holds. */
    private void drainUntil(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + 240_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out; status line: " + runner.library().statusLineProperty().get());
            }
            if (runner.statusProperty().get() == RunStatus.FAILED) {
                throw new AssertionError("the run failed: " + runner.library().statusLineProperty().get());
            }
            Thread.sleep(15);
            vm.drain();
        }
    }
}
