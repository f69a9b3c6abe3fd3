package org.rlhfworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.Generation;
import org.rlhfworkbench.core.ModelKind;
import org.rlhfworkbench.jobs.SampleProjects;
import org.rlhfworkbench.jobs.label.LabelItem;
import org.rlhfworkbench.jobs.label.LabelSource;
import org.rlhfworkbench.jobs.label.ProjectLabelingService;
import org.rlhfworkbench.store.OnlineRepository;
import org.rlhfworkbench.store.Project;

class DpoCommandsTest {
    @TempDir
    Path home;

    @Test
    void offlineAndOnlineDpoFromTheCommandLineAndARoundOpensInTheLabelingView() throws Exception {
        String dir = SampleProjects.ensureSample(home).toString();
        assertThat(CliTest.run("import", dir, TrainCommandsTest.rankings(home, 40).toString(), "--format", "rlhflow")
                .code()).isZero();
        assertThat(CliTest.run("sft", dir, "--epochs", "1").code()).isZero();
        assertThat(CliTest.run("reward", dir, "--epochs", "1").code()).isZero();

        CliTest.Result dpo = CliTest.run("dpo", dir, "--loss", "ipo", "--pairs", "best-worst", "--epochs", "1");
        assertThat(dpo.code()).as(dpo.err()).isZero();
        assertThat(dpo.out()).contains("run 3: done").contains("rewards/margins").contains("logps/chosen")
                .contains("models/dpo-3");
        assertThat(dpo.err()).contains("reference log-probs of").contains("margin");

        CliTest.Result online = CliTest.run("online-dpo", dir, "--iterations", "2", "--prompts", "3", "-k", "3",
                "--epochs", "1", "--reference", "previous");
        assertThat(online.code()).as(online.err()).isZero();
        assertThat(online.out()).contains("run 4: done").contains("online/kl_sft").contains("after 2 rounds");
        assertThat(online.err()).contains("iteration 1: ").contains("iteration 2: ");

        try (Project p = Project.open(Path.of(dir))) {
            assertThat(p.online().rounds()).extracting(OnlineRepository.Round::iteration).containsExactly(1, 2);
            assertThat(p.models().all()).filteredOn(m -> m.kind() == ModelKind.POLICY).extracting(m -> m.name())
                    .containsExactly("dpo-3", "online-dpo-4-it1", "online-dpo-4-it2");
            List<OnlineRepository.Pair> pairs = p.online().pairs(4, 2);
            assertThat(pairs).isNotEmpty();
            OnlineRepository.Pair first = pairs.get(0);
            String scorer = "reward-model:" + p.models().all().stream().filter(m -> m.kind() == ModelKind.REWARD)
                    .findFirst().orElseThrow().id();
            assertThat(p.online().score(first.chosenId(), scorer)).isGreaterThan(p.online().score(first.rejectedId(), scorer));
            List<Generation> round2 = p.online().generations(4, 2, first.promptId());
            assertThat(round2).hasSize(3).allSatisfy(g -> assertThat(g.source()).isEqualTo("online-dpo"));
            assertThat(round2.get(0).modelId()).as("round 2 was sampled by the round-1 policy")
                    .isEqualTo(p.models().all().stream().filter(m -> m.name().equals("online-dpo-4-it1"))
                            .findFirst().orElseThrow().id());

            new LabelSource(4, 2).select(p);
            try (ProjectLabelingService labeling = new ProjectLabelingService(p, 1)) {
                LabelItem item = labeling.next().orElseThrow();
                assertThat(p.online().promptsToLabel(4, 2, 100)).contains(item.promptId());
                assertThat(item.responses()).hasSize(3);
            }
        }
    }
}
