package org.rlhfworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.jobs.SampleProjects;
import org.rlhfworkbench.core.ModelKind;
import org.rlhfworkbench.jobs.run.ModelPicker;
import org.rlhfworkbench.jobs.run.PolicyComparison;
import org.rlhfworkbench.store.Project;

/**
 * The proof that the loop works, small: on the bundled sample, rubric-labelled rankings -> SFT
 * -> reward model -> PPO gives a policy the rubric (the hidden gold judge, never seen by PPO)
 * prefers to the SFT model on held-out prompts, within a KL budget. The full size is
 * `rlhf pipeline DIR --annotator rubric`.
 */
class PpoBeatsSftTest {
    @TempDir
    Path home;

    @Test
    void ppoBeatsTheSftModelOnHeldOutPromptsJudgedByTheRubric() throws Exception {
        Path dir = SampleProjects.ensureSample(home);
        CliTest.Result run = CliTest.run("pipeline", dir.toString(), "--annotator", "rubric", "--prompts", "120",
                "-k", "4", "--ppo-steps", "30", "--judge-k", "4");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("PPO - SFT (paired)").contains("episodes/s").contains("update");

        long ppo;
        try (Project p = Project.open(dir)) {
            ppo = ModelPicker.pick(p, null, ModelKind.POLICY).id();
        }
        assertThat(run.out()).contains("PPO (model " + ppo + ",");
        PolicyComparison.Result r = PipelineCommand.judge(dir, ppo, 1.0f, 42, 4);
        String figures = run.out();
        assertThat(r.candidateMean()).as(figures).isGreaterThan(r.baselineMean());
        assertThat(r.winRate()).as(figures).isGreaterThan(0.5);
        assertThat(r.candidate().polite()).as("PPO learned the courtesy the labels reward\n" + figures)
                .isGreaterThan(r.baseline().polite() + 0.25);
        assertThat(r.candidate().correct()).as("without giving up much correctness\n" + figures)
                .isGreaterThan(r.baseline().correct() - 0.15);
        assertThat(r.klPerResponse()).as(figures).isBetween(0.0, 10.0);
    }
}
