package org.rlhfworkbench.store;

/** The project is already open in another process (or another window of this one). */
public class ProjectLockedException extends ProjectException {
    public ProjectLockedException(String message) {
        super(message);
    }
}
