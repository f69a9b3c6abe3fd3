package org.rlhfworkbench.lm.chat;

/** A chat template that cannot be read or rendered: the message names the file and the reason, on one line. */
public final class ChatTemplateException extends RuntimeException {
    public ChatTemplateException(String message) {
        super(message);
    }

    public ChatTemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
