package org.rlhfworkbench.core;

/** Life cycle of a job run. */
public enum RunStatus {
    QUEUED, RUNNING, PAUSED, CANCELLED, FAILED, DONE;

    public String dbName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static RunStatus fromDb(String s) {
        return valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }
}
