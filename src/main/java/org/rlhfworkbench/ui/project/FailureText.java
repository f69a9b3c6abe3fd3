package org.rlhfworkbench.ui.project;

/** The first non-blank message in a failure's cause chain: the line a user sees. */
final class FailureText {
    private FailureText() {
    }

    static String of(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return e.toString();
    }
}
