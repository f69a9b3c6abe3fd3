package org.rlhfworkbench.formats;

/** Thrown by record parsers for one bad line; the importer adds the file name and line number. */
final class LineError extends RuntimeException {
    LineError(String reason) {
        super(reason, null, false, false);
    }
}
