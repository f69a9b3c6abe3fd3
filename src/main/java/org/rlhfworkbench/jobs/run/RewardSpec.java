package org.rlhfworkbench.jobs.run;

import java.util.Locale;

/**
 * One {@code --reward SOURCE[:WEIGHT]} of an RL run: the source's kind, its argument (after "=")
 * and its weight (after the last ":", 1 when absent). Kinds: rm (the newest reward model, or
 * rm=ID), exact (answer equals the prompt's reference), format (whole sentences), regex=PATTERN,
 * length[=TARGET] (penalty past TARGET tokens, default 16), rubric (the sample's simulated judge).
 */
public record RewardSpec(String kind, String arg, double weight) {
    public static final java.util.List<String> KINDS = java.util.List.of("rm", "exact", "format", "regex", "length",
            "rubric");

    public RewardSpec {
        kind = kind.toLowerCase(Locale.ROOT);
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("unknown reward source '" + kind + "' (" + String.join(", ", KINDS) + ")");
        }
        if (kind.equals("regex") && (arg == null || arg.isEmpty())) {
            throw new IllegalArgumentException("regex needs a pattern: --reward 'regex=PATTERN[:WEIGHT]'");
        }
    }

    /** "exact", "rm:0.5", "rm=12:2", "regex=^\d+$:0.3", "length=20". */
    public static RewardSpec parse(String text) {
        String s = text.strip();
        double weight = 1;
        int colon = s.lastIndexOf(':');
        if (colon > 0) {
            try {
                weight = Double.parseDouble(s.substring(colon + 1));
                s = s.substring(0, colon);
            } catch (NumberFormatException e) {
                // the colon belongs to the argument (a regex); weight stays 1
            }
        }
        int eq = s.indexOf('=');
        return eq < 0 ? new RewardSpec(s, null, weight) : new RewardSpec(s.substring(0, eq), s.substring(eq + 1), weight);
    }

    /** The metric name: rewards/&lt;name&gt;/mean. */
    public String name() {
        return switch (kind) {
            case "rm" -> arg == null ? "rm" : "rm" + arg;
            case "regex" -> "regex";
            default -> kind;
        };
    }

    @Override
    public String toString() {
        return kind + (arg == null ? "" : "=" + arg) + (weight == 1 ? "" : ":" + weight);
    }
}
