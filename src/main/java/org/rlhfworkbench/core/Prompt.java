package org.rlhfworkbench.core;

import java.util.List;

/**
 * A prompt of the project. {@code text} is what a model is conditioned on; {@code messages} is
 * set when the prompt came as a conversation (TRL conversational, chat "messages"), else empty.
 * {@code reference} is the prompt's reference answer ("42", "paris") when it has one (imported
 * from a {@code "reference"} / {@code "answer"} key, GSM8K "#### 42" reduced to "42"), else null;
 * rule-based rewards check answers against it.
 */
public record Prompt(long id, String text, List<Message> messages, String source, String split, String reference) {
    public Prompt {
        messages = messages == null ? List.of() : List.copyOf(messages);
    }

    /** A prompt without a reference answer. */
    public Prompt(long id, String text, List<Message> messages, String source, String split) {
        this(id, text, messages, source, split, null);
    }

    public boolean hasReference() {
        return reference != null && !reference.isBlank();
    }

    public boolean isConversational() {
        return !messages.isEmpty();
    }
}
