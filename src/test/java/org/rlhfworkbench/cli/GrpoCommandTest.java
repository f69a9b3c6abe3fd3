package org.rlhfworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.rlhfworkbench.jobs.SampleProjects;
import org.rlhfworkbench.jobs.run.GrpoJob;
import org.rlhfworkbench.jobs.run.Jobs;
import org.rlhfworkbench.core.config.GrpoConfig;

class GrpoCommandTest {
    @TempDir
    Path home;

    @Test
    void grpoWithRuleRewardsAndNoReferenceRunsFromTheCommandLineAndSavesAConfigThatReadsBack() throws Exception {
        String dir = SampleProjects.ensureSample(home).toString();
        CliTest.Result sft = CliTest.run("sft", dir, "--epochs", "1", "--seed", "4");
        assertThat(sft.code()).as(sft.err()).isZero();

        CliTest.Result g = CliTest.run("grpo", dir, "--loss", "dr_grpo", "--steps", "2", "--prompts", "2", "--group", "4",
                "--beta", "0", "--reward", "exact", "--reward", "format:0.5", "--set", "optimisation.epochs=1");
        assertThat(g.code()).as(g.err()).isZero();
        assertThat(g.out()).contains("run 2: done").contains("rewards/exact/mean").contains("rewards/format/mean")
                .contains("frac_reward_zero_std").contains("models/grpo-2");
        assertThat(g.err()).contains("GRPO (dr_grpo, constant").contains("rewards exact + format:0.5")
                .contains("step 2/2  reward");

        // --resume rebuilds the job from the saved config: the nested records read back equal
        try (org.rlhfworkbench.store.Project p = org.rlhfworkbench.store.Project.open(Path.of(dir))) {
            GrpoJob.Config saved = new ObjectMapper().convertValue(Jobs.config(p, 2).get("config"), GrpoJob.Config.class);
            assertThat(saved.rewards()).containsExactly("exact", "format:0.5");
            assertThat(saved.grpo()).isEqualTo(GrpoCommand.config("dr_grpo", 4, 2, 0.0, null, 2, null, null, null)
                    .with(new GrpoConfig.Optimisation(2, 3e-5f, 1, 2, 10, 42)));
        }
    }

    @Test
    void aBadRewardSourceFailsWithOneLine() throws Exception {
        String dir = SampleProjects.ensureSample(home).toString();
        CliTest.Result r = CliTest.run("grpo", dir, "--reward", "bleu");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("error: unknown reward source 'bleu' (rm, exact, format, regex, length, rubric)");
    }
}
