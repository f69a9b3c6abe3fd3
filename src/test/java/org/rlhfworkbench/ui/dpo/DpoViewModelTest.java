package org.rlhfworkbench.ui.dpo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.MetricPoint;
import org.rlhfworkbench.core.ModelKind;
import org.rlhfworkbench.core.RunStatus;
import org.rlhfworkbench.jobs.ProjectService;
import org.rlhfworkbench.jobs.SameThreadBackgroundExecutor;
import org.rlhfworkbench.ui.charts.RunMetrics;
import org.rlhfworkbench.ui.charts.TrainingRunner;
import org.rlhfworkbench.ui.ppo.PpoFixture;

/** The DPO view model on the PPO fixture (24 rubric-ranked prompts, SFT and reward model), with real runs. */
class DpoViewModelTest {
    static final List<String> CHARTED = List.of("loss", "rewards/chosen", "rewards/rejected", "rewards/margins",
            "rewards/accuracies", "logps/chosen", "logps/rejected");

    @TempDir
    Path home;
    private ProjectService service;
    private DpoViewModel vm;
    private TrainingRunner runner;

    @BeforeEach
    void open() {
        service = new ProjectService(home);
        service.open(PpoFixture.project(home));
        vm = new DpoViewModel(new SameThreadBackgroundExecutor(), service);
        vm.runner().setPrompter(org.rlhfworkbench.ui.charts.Prompter.YES);  // tiny fixture RM: weak
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
    void theRoundTableReadsTheOnlineSeries() {
        RunMetrics m = new RunMetrics("run");
        for (int i = 0; i < 2; i++) {
            long step = 1 + 4L * i;
            m.add(new MetricPoint(step, "online/iteration", i + 1));
            m.add(new MetricPoint(step, "online/pairs", 30 + i));
            m.add(new MetricPoint(step, "online/score_mean", 0.1 * i));
            m.add(new MetricPoint(step, "online/pair_margin", 2.0 - i));
            m.add(new MetricPoint(step, "online/kl_sft", 0.5 * i));
        }
        assertThat(DpoViewModel.rows(m)).containsExactly(new IterationRow(1, 30, 0.0, 2.0, 0.0),
                new IterationRow(2, 31, 0.1, 1.0, 0.5));
    }

    @Test
    void anOfflineRunChartsTrlsNamesAndSavesAPolicy() throws Exception {
        vm.settings().pairs().set("best-worst");
        vm.settings().epochs().set(1);
        vm.start();
        drainUntil(() -> runner.statusProperty().get() == RunStatus.DONE);
        for (String name : CHARTED) {
            assertThat(runner.dashboard().primary().series(name)).as(name).isNotNull();
            assertThat(runner.dashboard().primary().series(name).size()).as(name)
                    .isEqualTo(service.project().metrics().series(runner.runId(), name).size()).isPositive();
        }
        assertThat(vm.iterations()).isEmpty();
        assertThat(runner.library().models()).anyMatch(m -> m.kind() == ModelKind.POLICY && m.name().startsWith("dpo-"));
    }

    @Test
    void anOnlineRunFillsTheRoundTableAndTheProbeSamples() throws Exception {
        vm.settings().online().set(true);
        vm.settings().iterations().set(2);
        vm.settings().prompts().set(3);
        vm.settings().k().set(3);
        vm.settings().epochs().set(1);
        vm.settings().probeEvery().set(1);
        vm.start();
        drainUntil(() -> runner.statusProperty().get() == RunStatus.DONE);
        assertThat(vm.iterations()).extracting(IterationRow::iteration).containsExactly(1, 2);
        assertThat(vm.iterations()).allSatisfy(r -> {
            assertThat(r.pairs()).isBetween(1, 3);
            assertThat(r.pairMargin()).isPositive();
        });
        assertThat(vm.samples()).isNotEmpty();
        assertThat(vm.samplesStepProperty().get()).isEqualTo(2);
        assertThat(runner.library().runs()).anyMatch(r -> r.kind().equals("online-dpo"));
    }

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
        vm.drain();
    }
}
