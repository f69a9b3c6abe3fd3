package org.rlhfworkbench.lm.io;

/** Argument checks shared by the config records. */
public final class ConfigChecks {
    private ConfigChecks() {
    }

    public static void positive(String key, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(key + " must be positive, got " + value);
        }
    }
}
