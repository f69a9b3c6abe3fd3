package org.rlhfworkbench.ui.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rlhfworkbench.jobs.SameThreadBackgroundExecutor;

/** The chat's state: the shown path, streaming and Esc, alternatives ranked by number, branches, corrections. */
class ChatViewModelTest {
    private final FakeChat chat = new FakeChat();
    private final ChatViewModel vm = new ChatViewModel(new SameThreadBackgroundExecutor(), () -> chat);

    @BeforeEach
    void open() {
        vm.projectChanged();
    }

    private void say(String text) {
        vm.inputProperty().set(text);
        vm.send();
        vm.onPulse();
    }

    @Test
    void aMessageStartsAConversationAndItsReplyBecomesTheSelectedTurn() {
        say("hi");
        assertThat(vm.conversations()).hasSize(1);
        assertThat(vm.turns()).extracting(TurnItem::role).containsExactly("user", "assistant");
        assertThat(vm.turns().get(1).turn()).isNotNull();
        assertThat(vm.selectedProperty().get()).isEqualTo(1);
        say("more");
        assertThat(vm.turns()).hasSize(4);
        assertThat(chat.turns.get(2).parentId()).isEqualTo(vm.turns().get(1).turn().id());
    }

    @Test
    void escStopsAStreamingReplyAndItsTextStays() {
        chat.hold = true;
        vm.inputProperty().set("hi");
        vm.send();
        vm.onPulse();
        assertThat(vm.generatingProperty().get()).isTrue();
        assertThat(vm.turns().get(1).textProperty().get()).startsWith("reply");
        vm.stop();
        assertThat(chat.stops).isEqualTo(1);
        chat.release(vm.conversationProperty().get().id(), chat.turns.get(0).id());
        vm.onPulse();
        assertThat(vm.generatingProperty().get()).isFalse();
        assertThat(vm.turns().get(1).turn()).isNotNull();
    }

    @Test
    void regeneratedAlternativesAreRankedByTheirNumbersBesideTheOriginal() {
        say("hi");
        long original = vm.turns().get(1).turn().id();
        vm.settings().kProperty().set(2);
        vm.regenerate();
        vm.onPulse();
        assertThat(vm.alternatives().items()).hasSize(3).allMatch(a -> a.turnId() != null);
        assertThat(vm.turns().get(1).turn().id()).isEqualTo(original);   // stays shown while ranking
        vm.alternatives().rankNext(3);
        vm.alternatives().rankNext(1);
        vm.alternatives().rankNext(3);                                   // already ranked: no change
        vm.saveRanking();
        assertThat(chat.rankings).hasSize(1);
        assertThat(chat.rankings.get(0).keySet()).first().isEqualTo(original);
        assertThat(chat.rankings.get(0).values()).containsExactlyElementsOf(Arrays.asList(2, null, 1));
        assertThat(vm.alternatives().openProperty().get()).isFalse();

        vm.switchBranch(1, +1);
        assertThat(vm.turns().get(1).branch()).isEqualTo(2);
        assertThat(vm.turns().get(1).branches()).isEqualTo(3);
    }

    @Test
    void aCorrectionBecomesANewBranchAndIsShown() {
        say("hi");
        vm.edit();
        assertThat(vm.editingProperty().get()).isTrue();
        vm.editTextProperty().set("Hello! How can I help?");
        vm.saveEdit();
        assertThat(vm.editingProperty().get()).isFalse();
        assertThat(vm.turns().get(1).textProperty().get()).isEqualTo("Hello! How can I help?");
        assertThat(vm.turns().get(1).branch()).isEqualTo(2);
        vm.switchBranch(1, -1);
        assertThat(vm.turns().get(1).textProperty().get()).startsWith("reply");
    }
}
