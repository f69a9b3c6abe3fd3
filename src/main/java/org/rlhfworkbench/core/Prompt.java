package org.rlhfworkbench.core;

import java.util.List;

/**
 * A prompt of the project. {@code text} is what a model is conditioned on; {@code messages} is
 * set when the prompt came as a conversation (TRL conversational, chat "messages"), else empty.
 */
public record Prompt(long id, String text, List<Message> messages, String source, String split) {
    public Prompt {
        messages = messages == null ? List.of() : List.copyOf(messages);
    }

    public boolean isConversational() {
        return !messages.isEmpty();
    }
}
