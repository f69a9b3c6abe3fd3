package org.rlhfworkbench.core;

import java.util.Objects;

/** One turn of a conversation, as chat templates and TRL's conversational format define it. */
public record Message(String role, String content) {
    public Message {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }

    public static Message user(String content) {
        return new Message("user", content);
    }

    public static Message assistant(String content) {
        return new Message("assistant", content);
    }
}
