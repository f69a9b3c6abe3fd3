package org.rlhfworkbench.ui.grpo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.ModelKind;
import org.rlhfworkbench.core.RunStatus;
import org.rlhfworkbench.jobs.ProjectService;
import org.rlhfworkbench.jobs.SameThreadBackgroundExecutor;
import org.rlhfworkbench.ui.charts.TrainingRunner;
import org.rlhfworkbench.ui.ppo.PpoFixture;

/** The GRPO view model on the PPO fixture (rubric-ranked sample prompts, SFT and reward model), with a real run. */
class GrpoViewModelTest {
    static final List<String> CHARTED = List.of("reward", "rewards/exact/mean", "rewards/rm/mean", "reward_std",
            "frac_reward_zero_std", "clip_ratio/low_mean", "clip_ratio/high_mean", "kl", "entropy",
            "completions/mean_length", "completions/clipped_ratio");

    @TempDir
    Path home;
    private ProjectService service;
    private GrpoViewModel vm;
    private TrainingRunner runner;

    @BeforeEach
    void open() {
        service = new ProjectService(home);
        service.open(PpoFixture.project(home));
        vm = new GrpoViewModel(new SameThreadBackgroundExecutor(), service);
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
    void aRunChartsEachRewardSourceUnderTrlsNamesShowsProbesAndSavesAPolicy() throws Exception {
        vm.settings().rewards().set("exact, rm:0.5");
        vm.settings().steps().set(2);
        vm.settings().prompts().set(2);
        vm.settings().group().set(4);
        vm.settings().probeEvery().set(1);
        vm.start();
        drainUntil(() -> runner.statusProperty().get() == RunStatus.DONE);
        for (String name : CHARTED) {
            assertThat(runner.dashboard().primary().series(name)).as(name).isNotNull();
            assertThat(runner.dashboard().primary().series(name).size()).as(name).isEqualTo(2);
        }
        assertThat(vm.samples()).isNotEmpty();
        assertThat(vm.samplesStepProperty().get()).isEqualTo(2);
        assertThat(runner.library().models()).anyMatch(m -> m.kind() == ModelKind.POLICY && m.name().startsWith("grpo-"));
    }

    @Test
    void theLoraRowsReachTheJobConfig() {
        assertThat(vm.settings().config().lora()).as("rank 0: full fine-tuning").isNull();
        vm.settings().lora().rankProperty().set(8);
        vm.settings().lora().targetsProperty().set("c_attn, c_proj");
        assertThat(vm.settings().config().lora().rank()).isEqualTo(8);
        assertThat(vm.settings().config().lora().targets()).containsExactly("c_attn", "c_proj");
    }

    @Test
    void aBadRewardSourceIsTheStatusLineAndStartsNothing() {
        vm.settings().rewards().set("exact, bleu");
        vm.start();
        assertThat(runner.activeProperty().get()).isFalse();
        assertThat(runner.library().statusLineProperty().get())
                .isEqualTo("unknown reward source 'bleu' (rm, exact, format, regex, length, rubric)");
        assertThat(runner.library().errorProperty().get()).isTrue();
    }

    private void drainUntil(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + 600_000_000_000L;
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
