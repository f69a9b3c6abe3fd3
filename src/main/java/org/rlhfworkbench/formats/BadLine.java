package org.rlhfworkbench.formats;

/** A line of an input file that could not be read, with the reason. */
public record BadLine(String file, long line, String reason) {
    @Override
    public String toString() {
        return file + ":" + line + ": " + reason;
    }
}
