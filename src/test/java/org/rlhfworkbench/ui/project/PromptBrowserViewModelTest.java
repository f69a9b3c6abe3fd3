package org.rlhfworkbench.ui.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.Generation;
import org.rlhfworkbench.core.Message;
import org.rlhfworkbench.core.PromptFilter;
import org.rlhfworkbench.core.Ranking;
import org.rlhfworkbench.core.RankingEntry;
import org.rlhfworkbench.core.RankingStatus;
import org.rlhfworkbench.jobs.ProjectChange;
import org.rlhfworkbench.jobs.ProjectService;
import org.rlhfworkbench.jobs.SameThreadBackgroundExecutor;
import org.rlhfworkbench.store.Project;

/** The prompt browser's state on a hand-made project, with the same-thread executor. */
class PromptBrowserViewModelTest {
    @TempDir
    Path tmp;
    private ProjectService service;
    private PromptBrowserViewModel vm;
    private long first;
    private long chat;

    @BeforeEach
    void setUp() {
        service = new ProjectService(tmp.resolve("home"));
        vm = new PromptBrowserViewModel(new SameThreadBackgroundExecutor(), service);
        service.create(tmp.resolve("p"));
        Project p = service.project();
        first = p.prompts().add("Explain RLHF.", "test");
        p.prompts().add("A joke about CATS, please.", "test");
        chat = p.prompts().add("user: Hi\n\nassistant: Hello!\n\nuser: Name a cat.",
                List.of(Message.user("Hi"), Message.assistant("Hello!"), Message.user("Name a cat.")), "test");
        service.changed(ProjectChange.DATA);
    }

    @AfterEach
    void tearDown() {
        service.close();
    }

    private List<Long> shown() {
        return vm.rows().stream().map(PromptRow::id).toList();
    }

    @Test
    void searchAndFilterNarrowTheRowsAndTheCountsFollowTheSearch() {
        assertThat(vm.rows()).hasSize(3);
        assertThat(vm.countProperty(PromptFilter.UNLABELED).get()).isEqualTo(3);

        vm.searchProperty().set("cat");
        assertThat(shown()).hasSize(2).contains(chat);
        assertThat(vm.countProperty(PromptFilter.ALL).get()).isEqualTo(2);

        vm.filterProperty().set(PromptFilter.RANKED);
        assertThat(vm.rows()).isEmpty();
        vm.searchProperty().set("");
        vm.filterProperty().set(PromptFilter.UNLABELED);
        assertThat(vm.rows()).hasSize(3);
    }

    @Test
    void aLabelStoredElsewhereMovesThePromptToItsStatusThroughTheChangeFeed() {
        Project p = service.project();
        long g = p.generations().add(new Generation(0, first, "a", 1, null, "model", null, null));
        p.rankings().add(new Ranking(0, first, RankingStatus.FLAGGED, "unclear", "human",
                List.of(new RankingEntry(g, null)), List.of(g)));
        assertThat(vm.countProperty(PromptFilter.FLAGGED).get()).isZero();  // nothing told the feed yet

        service.changed(ProjectChange.LABELS);

        assertThat(vm.countProperty(PromptFilter.FLAGGED).get()).isEqualTo(1);
        assertThat(vm.countProperty(PromptFilter.UNLABELED).get()).isEqualTo(2);
        assertThat(vm.rows().get(0).status()).isEqualTo("flagged");
    }

    @Test
    void choosingAConversationShowsItsTurnsAndOpeningTellsTheListeners() {
        List<Long> opened = new ArrayList<>();
        vm.addOpenListener(opened::add);
        PromptRow row = vm.rows().stream().filter(r -> r.id() == chat).findFirst().orElseThrow();
        assertThat(row.conversation()).isTrue();

        vm.select(row);
        assertThat(vm.selectedTurns()).extracting(Message::role).containsExactly("user", "assistant", "user");

        vm.open(row);
        vm.open(null);
        assertThat(opened).containsExactly(chat);
    }

    @Test
    void withoutAProjectTheListIsEmptyAndSaysWhy() {
        service.close();
        vm.refresh();
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.statusLineProperty().get()).contains("No project is open");
    }
}
