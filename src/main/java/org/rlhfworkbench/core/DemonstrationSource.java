package org.rlhfworkbench.core;

/** Where an SFT demonstration came from. */
public enum DemonstrationSource {
    /** Typed by the labeler as their own answer. */
    WRITTEN,
    /** A generated response the labeler corrected; ranks above the original. */
    CORRECTION,
    /** Read from an SFT file. */
    IMPORT;

    public String dbName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static DemonstrationSource fromDb(String s) {
        return valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }
}
