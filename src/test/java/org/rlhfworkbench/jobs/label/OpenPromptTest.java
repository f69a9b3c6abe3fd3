package org.rlhfworkbench.jobs.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.Message;
import org.rlhfworkbench.core.RankingStatus;
import org.rlhfworkbench.store.Project;

/** Labeling a chosen prompt out of turn (the prompt browser's open): fresh answers, or the newest decision reopened. */
class OpenPromptTest {
    @TempDir
    static Path shared;
    static Path built;

    @TempDir
    Path tmp;
    Project project;
    ProjectLabelingService service;

    @BeforeAll
    static void buildSample() {
        built = LabelFixtures.sampleProject(shared);
    }

    @BeforeEach
    void open() {
        project = Project.open(LabelFixtures.copy(built, tmp.resolve("p")));
        project.meta().put(LabelConfig.META_K, "3");
        project.meta().put(LabelConfig.META_MAX_NEW_TOKENS, "8");
        service = new ProjectLabelingService(project, 3);
    }

    @AfterEach
    void close() {
        service.close();
        project.close();
    }

    @Test
    void anUnlabeledPromptGeneratesItsAnswersAndNextDoesNotHandItOutAgain() throws Exception {
        long chosen = project.prompts().unrankedIds(10).get(7);

        LabelItem item = service.open(chosen);

        assertThat(item.promptId()).isEqualTo(chosen);
        assertThat(item.rankingId()).isNull();
        assertThat(item.responses()).hasSize(3);
        assertThat(ProjectLabelingServiceTest.awaitStored(item)).doesNotContainNull().hasSize(3);
        assertThat(service.open(chosen).responses()).isEqualTo(item.responses());  // the same item, not generated twice
        for (int i = 0; i < 3; i++) {
            assertThat(service.next().orElseThrow().promptId()).isNotEqualTo(chosen);
        }
    }

    @Test
    void aDecidedPromptReopensItsNewestDecision() throws Exception {
        LabelItem item = service.next().orElseThrow();
        List<Long> ids = ProjectLabelingServiceTest.awaitStored(item);
        service.submit(ProjectLabelingServiceTest.decision(item, ids, RankingStatus.SKIPPED, null, null, null, null));
        long second = service.submit(ProjectLabelingServiceTest.decision(service.reopen(
                project.rankings().forPrompt(item.promptId()).get(0).id()), ids, RankingStatus.RANKED, null, 1, 2, 3));

        LabelItem reopened = service.open(item.promptId());

        assertThat(reopened.rankingId()).isEqualTo(second);
        assertThat(reopened.responses()).hasSize(3);
    }

    @Test
    void aConversationComesWithItsTurnsEndingInTheLastUserTurn() {
        List<Message> turns = List.of(Message.user("Hi"), Message.assistant("Hello! How can I help?"),
                Message.user("What is 2+2?"));
        long id = project.prompts().add("user: Hi\n\nassistant: Hello! How can I help?\n\nuser: What is 2+2?", turns, "test");

        assertThat(service.open(id).turns()).isEqualTo(turns);
        assertThat(service.open(project.prompts().unrankedIds(1).get(0)).turns()).hasSize(1)
                .allMatch(m -> m.role().equals("user"));
        assertThatThrownBy(() -> service.open(999_999)).hasMessageContaining("no prompt 999999");
    }
}
