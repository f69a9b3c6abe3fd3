package org.rlhfworkbench.jobs.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.ChatTurn;
import org.rlhfworkbench.core.Demonstration;
import org.rlhfworkbench.core.DemonstrationSource;
import org.rlhfworkbench.core.Message;
import org.rlhfworkbench.core.Prompt;
import org.rlhfworkbench.core.Ranking;
import org.rlhfworkbench.jobs.eval.Sampling;
import org.rlhfworkbench.jobs.label.LabelFixtures;
import org.rlhfworkbench.jobs.label.ResponseStream;
import org.rlhfworkbench.store.Project;
import org.testfx.util.WaitForAsyncUtils;

/** The chat over a real project and model: turns as a tree, prompts as the conversation so far, feedback rows. */
class ProjectChatServiceTest {
    private static final Sampling FAST = new Sampling(1f, 1f, 8);
    @TempDir
    Path tmp;
    Project project;
    ProjectChatService chat;
    long model;

    @BeforeEach
    void open() {
        project = Project.open(LabelFixtures.sampleProject(tmp));
        model = project.models().all().get(0).id();
        chat = new ProjectChatService(project);
    }

    @AfterEach
    void close() {
        chat.close();
        project.close();
    }

    private static void awaitAll(List<ResponseStream> streams) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> streams.stream().allMatch(ResponseStream::done));
    }

    @Test
    void aRegeneratedTurnRankedIsARankingWhosePromptIsTheConversationSoFar() throws Exception {
        long c = chat.create(null, model, "Answer briefly.");
        awaitAll(chat.send(c, null, "What is 2 plus 2?", model, FAST, 1));
        ChatTree tree = chat.open(c);
        assertThat(tree.conversation().title()).isEqualTo("What is 2 plus 2?");
        ChatTurn first = tree.path(Map.of()).get(1);
        assertThat(first.isAssistant()).isTrue();
        Prompt prompt = project.prompts().get(first.promptId());
        assertThat(prompt.messages()).containsExactly(new Message("system", "Answer briefly."),
                Message.user("What is 2 plus 2?"));
        assertThat(prompt.source()).isEqualTo("chat");

        awaitAll(chat.regenerate(first.id(), model, FAST, 3));
        List<ChatTurn> alternatives = chat.open(c).siblings(first.id());
        assertThat(alternatives).hasSize(4).allMatch(t -> t.promptId().equals(first.promptId()));
        Map<Long, Integer> ranks = new LinkedHashMap<>();
        for (int i = 0; i < alternatives.size(); i++) {
            ranks.put(alternatives.get(i).id(), i == 2 ? 1 : i + 2);
        }
        Ranking r = project.rankings().get(chat.rank(ranks));
        assertThat(r.promptId()).isEqualTo(first.promptId());
        assertThat(r.annotator()).isEqualTo("human");
        assertThat(r.pairs()).hasSize(6);
        long best = alternatives.get(2).generationId();
        assertThat(r.pairs()).filteredOn(x -> x.chosenId() == best).hasSize(3);
        assertThat(r.pairs()).noneMatch(x -> x.rejectedId() == best);
    }

    @Test
    void branchesCorrectionsRatingsAndAMultiTurnDemonstration() throws Exception {
        long c = chat.create("sums", model, null);
        awaitAll(chat.send(c, null, "What is 2 plus 2?", model, FAST, 1));
        ChatTurn answer = chat.open(c).path(Map.of()).get(1);
        long corrected = chat.correct(answer.id(), "4.");
        assertThat(chat.open(c).siblings(answer.id())).extracting(ChatTurn::id).containsExactly(answer.id(), corrected);
        Demonstration d = project.demonstrations().forPrompt(answer.promptId()).get(0);
        assertThat(d.source()).isEqualTo(DemonstrationSource.CORRECTION);
        assertThat(d.generationId()).isEqualTo(answer.generationId());
        chat.rate(corrected, "helpfulness", 5);
        chat.rate(answer.id(), ChatService.THUMBS, 1);
        chat.flag(answer.id(), true, "wrong sum");
        assertThat(project.ratings().forGeneration(answer.generationId())).extracting(x -> x.criterion() + x.value())
                .containsExactly("thumbs1");

        // continue from the corrected branch; the first answer's branch stays
        awaitAll(chat.send(c, corrected, "And 3 plus 3?", model, FAST, 1));
        ChatTree tree = chat.open(c);
        List<ChatTurn> path = tree.path(Map.of(corrected, 0L, 0L, 0L));
        assertThat(path).extracting(ChatTurn::role).containsExactly("user", "assistant", "user", "assistant");
        assertThat(path.get(1).id()).isEqualTo(corrected);
        assertThat(tree.turn(answer.id()).flagged()).isTrue();
        Prompt second = project.prompts().get(path.get(3).promptId());
        assertThat(second.messages()).containsExactly(Message.user("What is 2 plus 2?"), Message.assistant("4."),
                Message.user("And 3 plus 3?"));
        long demo = chat.saveDemonstration(path.get(3).id());
        assertThat(project.demonstrations().all()).filteredOn(x -> x.id() == demo)
                .allMatch(x -> x.promptId() == second.id() && x.source() == DemonstrationSource.WRITTEN);

        // reopened from the store, the earlier branch is still chosen by default only when asked for
        ChatTree reopened = chat.open(c);
        assertThat(reopened.path(Map.of(0L, tree.children(null).get(0).id(), tree.children(null).get(0).id(), answer.id())))
                .extracting(ChatTurn::id).containsExactly(tree.children(null).get(0).id(), answer.id());
    }
}
