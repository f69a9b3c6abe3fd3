package org.rlhfworkbench.lm.io;

/** Argument checks shared by the config records. */
final class ConfigChecks {
    private ConfigChecks() {
    }

    static void positive(String key, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(key + " must be positive, got " + value);
        }
    }
}
