package org.rlhfworkbench.store;

/** The disk (or the database's size limit) is full (SQLITE_FULL): the write was not saved, nothing else changed. */
public final class DiskFullException extends ProjectException {
    public DiskFullException(String message, Throwable cause) {
        super(message, cause);
    }
}
