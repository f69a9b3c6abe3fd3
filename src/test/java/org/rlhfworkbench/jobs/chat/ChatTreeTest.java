package org.rlhfworkbench.jobs.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rlhfworkbench.core.ChatTurn;
import org.rlhfworkbench.core.Conversation;
import org.rlhfworkbench.core.Message;

/** The conversation tree: newest branch by default, a chosen branch kept, the conversation so far as messages. */
class ChatTreeTest {
    //   1 user "hi"
    //   ├── 2 assistant "hello"        ── 4 user "2+2?" ── 5 assistant "4"
    //   └── 3 assistant "hey there"
    private static ChatTurn t(long id, Long parent, String role, String text) {
        return new ChatTurn(id, 9, parent, role, text, null, null, null, false, null);
    }

    private final ChatTree tree = new ChatTree(new Conversation(9, "c", null, "Be brief."), List.of(
            t(1, null, "user", "hi"), t(2, 1L, "assistant", "hello"), t(3, 1L, "assistant", "hey there"),
            t(4, 2L, "user", "2+2?"), t(5, 4L, "assistant", "4")));

    @Test
    void thePathFollowsTheNewestBranchUnlessOneIsChosen() {
        assertThat(tree.path(Map.of())).extracting(ChatTurn::id).containsExactly(1L, 3L);
        assertThat(tree.path(Map.of(1L, 2L))).extracting(ChatTurn::id).containsExactly(1L, 2L, 4L, 5L);
        assertThat(tree.path(Map.of(1L, 99L))).extracting(ChatTurn::id).containsExactly(1L, 3L);
    }

    @Test
    void siblingsAreTheBranchesAtATurnsPlace() {
        assertThat(tree.siblings(3)).extracting(ChatTurn::id).containsExactly(2L, 3L);
        assertThat(tree.siblings(1)).extracting(ChatTurn::id).containsExactly(1L);
        assertThat(tree.pathTo(5)).extracting(ChatTurn::id).containsExactly(1L, 2L, 4L, 5L);
    }

    @Test
    void theConversationSoFarStartsWithTheSystemPrompt() {
        assertThat(tree.messagesUpTo(4L)).containsExactly(new Message("system", "Be brief."), Message.user("hi"),
                Message.assistant("hello"), Message.user("2+2?"));
        assertThat(tree.messagesUpTo(null)).containsExactly(new Message("system", "Be brief."));
    }
}
