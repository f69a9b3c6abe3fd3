package org.rlhfworkbench.lm.io;

/**
 * A checkpoint folder or file could not be read or written. The message always names the file
 * (or folder) and what is wrong with it, in words a user can act on.
 */
public class CheckpointException extends RuntimeException {
    public CheckpointException(String message) {
        super(message);
    }

    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
