package org.rlhfworkbench.core;

/** The role of a model checkpoint in the pipeline. */
public enum ModelKind {
    BASE, SFT, REWARD, POLICY;

    public String dbName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static ModelKind fromDb(String s) {
        return valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }
}
