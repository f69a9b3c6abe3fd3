package org.rlhfworkbench.ui.sft;

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
import org.rlhfworkbench.jobs.SampleProjects;
import org.rlhfworkbench.ui.charts.MetricSeries;
import org.rlhfworkbench.ui.charts.PlotLine;
import org.rlhfworkbench.ui.charts.TrainingRunner;

/** The SFT view model on the sample project (120 demonstrations, the bundled base model), with real runs. */
class SftViewModelTest {
    @TempDir
    Path home;
    private ProjectService service;
    private SftViewModel vm;
    private TrainingRunner runner;

    @BeforeEach
    void open() {
        service = new ProjectService(home);
        service.open(SampleProjects.ensureSample(home));
        vm = new SftViewModel(new SameThreadBackgroundExecutor(), service);
        vm.epochsProperty().set(1);
        vm.projectChanged();
        runner = vm.runner();
    }

    @AfterEach
    void close() throws Exception {
        if (runner.activeProperty().get()) {
            runner.cancel();
            drainUntil(() -> !runner.activeProperty().get());
        }
        service.close();
    }

    @Test
    void offersTheAutomaticChoiceThenTheProjectsModels() {
        assertThat(vm.models()).hasSize(2);
        assertThat(vm.models().get(0).id()).isNull();
        assertThat(vm.models().get(1).label()).contains("base");
        assertThat(vm.modelProperty().get()).isEqualTo(vm.models().get(0));
    }

    @Test
    void aRunGoesFromRunningToDoneAndItsMetricsArriveThroughTheQueue() throws Exception {
        List<RunStatus> seen = new ArrayList<>();
        runner.statusProperty().addListener((obs, old, now) -> seen.add(now));

        vm.start();
        assertThat(runner.activeProperty().get()).isTrue();
        drainUntil(() -> runner.statusProperty().get() == RunStatus.DONE);

        assertThat(seen).containsExactly(RunStatus.RUNNING, RunStatus.DONE);
        assertThat(runner.activeProperty().get()).isFalse();
        MetricSeries loss = runner.dashboard().primary().series("loss");
        assertThat(loss.size()).isEqualTo(service.project().metrics().series(runner.runId(), "loss").size()).isPositive();
        assertThat(runner.dashboard().lossProperty().get()).isEqualTo(loss.lastValue()).isPositive();
        assertThat(runner.dashboard().evalProperty().get()).isPositive();
        assertThat(runner.dashboard().stepProperty().get()).isEqualTo(runner.dashboard().totalStepsProperty().get());
        assertThat(runner.library().runs()).singleElement().extracting(RunRecord::status).isEqualTo(RunStatus.DONE);
        assertThat(runner.library().models()).anyMatch(m -> m.kind() == ModelKind.SFT);
        assertThat(vm.models()).hasSize(3);
        assertThat(runner.library().statusLineProperty().get()).startsWith("run 1 done: model 2");
    }

    @Test
    void aFinishedRunReopensAndOverlays() throws Exception {
        vm.start();
        drainUntil(() -> runner.statusProperty().get() == RunStatus.DONE);
        int points = runner.dashboard().points().size();
        runner.dashboard().startLive("scratch");

        runner.library().show(runner.library().runs().get(0));
        runner.library().overlay(runner.library().runs().get(0));

        assertThat(runner.dashboard().titleProperty().get()).isEqualTo("run 1");
        assertThat(runner.dashboard().overlayTitleProperty().get()).isEqualTo("run 1");
        assertThat(runner.dashboard().points()).hasSize(points);
        assertThat(runner.dashboard().lines(SftViewModel.DASHBOARD.charts().get(0)))
                .extracting(PlotLine::key).contains("primary/loss", "overlay/loss", "overlay/eval/loss");
    }

    @Test
    void pauseHoldsTheRunAndACancelledRunResumesToTheEnd() throws Exception {
        vm.epochsProperty().set(2);
        vm.start();
        runner.pause();
        drainUntil(() -> runner.statusProperty().get() == RunStatus.PAUSED);
        Thread.sleep(400);
        runner.drain();
        long held = runner.dashboard().stepProperty().get();
        Thread.sleep(600);
        runner.drain();
        assertThat(runner.dashboard().stepProperty().get()).isEqualTo(held);

        runner.resumePaused();
        drainUntil(() -> runner.dashboard().stepProperty().get() > held + 1);
        runner.cancel();
        drainUntil(() -> runner.statusProperty().get() == RunStatus.CANCELLED);
        assertThat(runner.library().runs()).singleElement().extracting(RunRecord::status).isEqualTo(RunStatus.CANCELLED);
        assertThat(runner.library().statusLineProperty().get()).contains("cancelled at step");

        vm.resume(runner.library().runs().get(0));
        drainUntil(() -> runner.statusProperty().get() == RunStatus.DONE);

        List<Long> shown = new ArrayList<>();
        MetricSeries loss = runner.dashboard().primary().series("loss");
        for (int i = 0; i < loss.size(); i++) {
            shown.add(loss.step(i));
        }
        List<Long> stored = service.project().metrics().series(runner.runId(), "loss").stream()
                .map(MetricPoint::step).toList();
        assertThat(shown).isEqualTo(stored);
        assertThat(shown).hasSize((int) runner.dashboard().totalStepsProperty().get()).first().isEqualTo(1L);
    }

    @Test
    void aBadLearningRateIsReportedAndStartsNothing() {
        vm.learningRateProperty().set("fast");

        vm.start();

        assertThat(runner.library().statusLineProperty().get()).contains("not a number");
        assertThat(runner.library().errorProperty().get()).isTrue();
        assertThat(runner.activeProperty().get()).isFalse();
        assertThat(service.project().runs().all()).isEmpty();
    }

    @Test
    void theSettingsBecomeTheRunConfig() {
        vm.batchSizeProperty().set(4);
        vm.learningRateProperty().set("3e-4");
        vm.seedProperty().set(9);

        assertThat(vm.config()).satisfies(c -> {
            assertThat(c.epochs()).isEqualTo(1);
            assertThat(c.batchSize()).isEqualTo(4);
            assertThat(c.learningRate()).isEqualTo(3e-4f);
            assertThat(c.seed()).isEqualTo(9);
        });
    }

    /** Plays the JavaFX pulse: drains the run's queue until the condition holds. */
    private void drainUntil(BooleanSupplier condition) throws InterruptedException {
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
