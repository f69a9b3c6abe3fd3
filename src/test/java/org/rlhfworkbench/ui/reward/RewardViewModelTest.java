package org.rlhfworkbench.ui.reward;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.ModelKind;
import org.rlhfworkbench.core.RunStatus;
import org.rlhfworkbench.jobs.ProjectService;
import org.rlhfworkbench.jobs.SameThreadBackgroundExecutor;
import org.rlhfworkbench.jobs.reward.Histogram;
import org.rlhfworkbench.jobs.reward.RewardFixtures;
import org.rlhfworkbench.jobs.reward.RewardInspection;
import org.rlhfworkbench.ui.charts.TrainingRunner;

/** The reward view model on the sample project with 60 imported rankings: a real run, then its inspection. */
class RewardViewModelTest {
    @TempDir
    Path home;
    private ProjectService service;

    @AfterEach
    void close() {
        if (service != null) {
            service.close();
        }
    }

    private RewardViewModel open(int rankings) throws Exception {
        service = new ProjectService(home);
        service.open(RewardFixtures.rankedSample(home, rankings));
        RewardViewModel vm = new RewardViewModel(new SameThreadBackgroundExecutor(), service);
        vm.projectChanged();
        return vm;
    }

    @Test
    void aRewardRunEndsWithAModelThatCanBeInspectedAndScored() throws Exception {
        RewardViewModel vm = open(60);
        vm.epochsProperty().set(1);
        vm.learningRateProperty().set("2e-4");
        TrainingRunner runner = vm.runner();

        vm.start();
        long end = System.nanoTime() + 180_000_000_000L;
        while (runner.statusProperty().get() != RunStatus.DONE && System.nanoTime() < end) {
            Thread.sleep(15);
            runner.drain();
        }

        assertThat(runner.statusProperty().get()).as(runner.library().statusLineProperty().get()).isEqualTo(RunStatus.DONE);
        assertThat(runner.dashboard().evalProperty().get()).isBetween(0.0, 1.0);
        assertThat(runner.dashboard().primary().series("eval/accuracy").size()).isEqualTo(1);
        assertThat(runner.library().models()).anyMatch(m -> m.kind() == ModelKind.REWARD);
        assertThat(vm.models()).noneMatch(c -> c.label().contains("(reward)"));

        InspectionViewModel ins = vm.inspection();
        assertThat(ins.rewardModels()).hasSize(2);
        ins.inspect();

        assertThat(ins.loadedProperty().get()).as(ins.statusProperty().get()).isTrue();
        assertThat(ins.statusProperty().get()).contains("held-out prompts").contains("pairwise accuracy");
        assertThat(ins.prompts()).isNotEmpty();
        RewardInspection.Accuracy overall = ins.accuracy().get(0);
        assertThat(overall.group()).isEqualTo("all pairs");
        assertThat(overall.pairs()).isEqualTo(3 * ins.prompts().size());
        assertThat(ins.histogram()).hasSize(InspectionViewModel.HISTOGRAM_BINS);
        assertThat(ins.histogram().stream().mapToInt(Histogram.Bin::count).sum()).isEqualTo(overall.pairs());

        ins.scoreTextProperty().set("The answer is 4.");
        ins.score();
        assertThat(ins.scoreResultProperty().get()).startsWith("r = ").contains("z = ");

        ins.onlyMismatchesProperty().set(true);
        assertThat(ins.prompts()).allMatch(p -> p.correct() < p.pairs());

        vm.projectChanged();
        assertThat(ins.loadedProperty().get()).isFalse();
        assertThat(ins.accuracy()).isEmpty();
    }

    @Test
    void scoringBeforeInspectingSaysWhatToDo() throws Exception {
        RewardViewModel vm = open(4);

        vm.inspection().score();

        assertThat(vm.inspection().scoreResultProperty().get()).startsWith("Inspect a reward model first");
    }

    @Test
    void inspectingWithoutAnyRewardModelSaysSo() throws Exception {
        RewardViewModel vm = open(4);

        vm.inspection().inspect();

        assertThat(vm.inspection().statusProperty().get()).startsWith("No reward model yet");
        assertThat(vm.inspection().loadedProperty().get()).isFalse();
    }

    @Test
    void theSettingsBecomeTheRewardConfig() throws Exception {
        RewardViewModel vm = open(4);
        vm.marginProperty().set(0.5);
        vm.centerProperty().set(0.02);
        vm.promptsPerStepProperty().set(2);
        vm.seedProperty().set(11);

        assertThat(vm.config()).satisfies(c -> {
            assertThat(c.marginScale()).isEqualTo(0.5);
            assertThat(c.centerCoefficient()).isEqualTo(0.02);
            assertThat(c.promptsPerStep()).isEqualTo(2);
            assertThat(c.seed()).isEqualTo(11);
            assertThat(c.learningRate()).isEqualTo(5e-5f);
        });
    }
}
