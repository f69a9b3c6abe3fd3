package org.rlhfworkbench.formats;

/** An import was rejected as a whole; nothing was written. Names the file, line and reason. */
public class ImportException extends RuntimeException {
    private final BadLine bad;

    public ImportException(BadLine bad, int moreBadLines) {
        super(bad + (moreBadLines > 0 ? " (and " + moreBadLines + " more bad lines)" : "")
                + "; nothing was imported (use --skip-bad to import the good lines and report the rest)");
        this.bad = bad;
    }

    public ImportException(String message) {
        super(message);
        this.bad = null;
    }

    /** The first bad line, or null when the file as a whole was unreadable. */
    public BadLine firstBadLine() {
        return bad;
    }
}
