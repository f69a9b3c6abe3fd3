package org.rlhfworkbench.store;

/** A project could not be opened, read or written; the message names the file and the cause. */
public class ProjectException extends RuntimeException {
    public ProjectException(String message) {
        super(message);
    }

    public ProjectException(String message, Throwable cause) {
        super(message, cause);
    }
}
