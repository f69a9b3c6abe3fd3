package org.rlhfworkbench.core;

/** Outcome of one blind A/B comparison. */
public enum Winner {
    A, B, TIE, BOTH_BAD;

    public String dbName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Winner fromDb(String s) {
        return valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }
}
