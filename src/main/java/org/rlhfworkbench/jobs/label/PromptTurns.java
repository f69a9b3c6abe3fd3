package org.rlhfworkbench.jobs.label;

import java.util.List;
import org.rlhfworkbench.core.Message;
import org.rlhfworkbench.core.Prompt;

/**
 * A prompt as the turns a person reads: a conversation's messages (user, assistant, system) in
 * order, ending with the user turn the answers reply to; a plain prompt is one user turn.
 */
public final class PromptTurns {
    private PromptTurns() {
    }

    public static List<Message> of(Prompt prompt) {
        return prompt.isConversational() ? prompt.messages() : List.of(Message.user(prompt.text()));
    }
}
