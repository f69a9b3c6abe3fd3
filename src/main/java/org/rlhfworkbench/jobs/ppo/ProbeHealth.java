package org.rlhfworkbench.jobs.ppo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.rlhfworkbench.core.config.ProbeSample;

/**
 * Reward hacking read off the probe answers (policy beside reference, same prompts), for runs
 * whose metrics do not show it (DPO has no response-length metric): the policy's answers growing
 * to {@link HealthThresholds#lengthGrowth()} times the reference's, or answers to different
 * prompts coming out the same. Each condition signals once, and again only after it cleared.
 */
public final class ProbeHealth {
    /** Share of distinct policy answers under which the probes count as repetitive (clears above 1.5x). */
    static final double DISTINCT_FLOOR = 0.5;
    private final HealthThresholds thresholds;
    private final Latch length = new Latch(1);
    private final Latch repeat = new Latch(1);

    public ProbeHealth(HealthThresholds thresholds) {
        this.thresholds = thresholds;
    }

    /** Judges one probe batch; returns the signals raised. */
    public List<HealthSignal> accept(long step, List<ProbeSample> samples) {
        List<HealthSignal> out = new ArrayList<>();
        if (samples.size() < 2) {
            return out;
        }
        double policy = 0;
        double reference = 0;
        Set<String> distinct = new HashSet<>();
        for (ProbeSample s : samples) {
            policy += words(s.policy());
            reference += words(s.reference());
            distinct.add(s.policy().strip());
        }
        double ratio = reference > 0 ? policy / reference : 1;
        if (length.update(ratio > thresholds.lengthGrowth(), ratio < 1 + 0.6 * (thresholds.lengthGrowth() - 1))) {
            out.add(new HealthSignal(step, HealthSignal.Kind.PROBE_LENGTH_RUNAWAY, HealthSignal.Severity.CRITICAL,
                    HealthRules.fmt("Probe answers are %.1fx as long as the reference model's", ratio),
                    "Preference data and reward models often favour longer answers, so a policy can win pairs by"
                            + " length alone: the answers grow without getting better.",
                    "Read the probe samples side by side; raise beta; length-match the chosen and rejected answers"
                            + " or add a length penalty; stop at an earlier checkpoint."));
        }
        double share = distinct.size() / (double) samples.size();
        if (repeat.update(share < DISTINCT_FLOOR, share > 1.5 * DISTINCT_FLOOR)) {
            out.add(new HealthSignal(step, HealthSignal.Kind.PROBE_REPETITION, HealthSignal.Severity.CRITICAL,
                    HealthRules.fmt("Only %d distinct answers to %d probe prompts", distinct.size(), samples.size()),
                    "The policy gives the same answer whatever the prompt: it found one text the preferences or the"
                            + " reward model like and stopped answering the question.",
                    "Stop and keep an earlier checkpoint; raise beta; lower the learning rate; check the pairs for"
                            + " one answer that wins everywhere."));
        }
        return out;
    }

    private static int words(String text) {
        String t = text == null ? "" : text.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }
}
