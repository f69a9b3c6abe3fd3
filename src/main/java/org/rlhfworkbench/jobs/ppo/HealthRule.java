package org.rlhfworkbench.jobs.ppo;

import java.util.List;

/**
 * One condition the {@link HealthMonitor} watches: the metrics it needs at a step, its test, and
 * the text of its signal.
 */
record HealthRule(HealthSignal.Kind kind, HealthSignal.Severity severity, List<String> needs, Test test,
                  String meaning, String advice) {

    /** What a rule can read: this step's values, each metric's first value, and recent trends. */
    interface Facts {
        /** The step being judged (1-based, as logged). */
        long step();

        double value(String name);

        /** The metric's value at the first step the monitor saw; NaN if none. */
        double first(String name);

        Trend trend(String name);
    }

    /** One step's verdict: the condition starts / holds ({@code enter}), it is over ({@code exit}), and the title. */
    record Check(boolean enter, boolean exit, String title) {
    }

    /** Returns null when the rule cannot judge this step (e.g. not enough history yet). */
    interface Test {
        Check check(Facts f, HealthThresholds t);
    }
}
