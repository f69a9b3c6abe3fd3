package org.rlhfworkbench.jobs.ppo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rlhfworkbench.core.MetricPoint;
import org.rlhfworkbench.jobs.ppo.HealthRule.Check;

/**
 * Watches a PPO run's metric points as they are logged and raises a {@link HealthSignal} the step
 * a condition starts: KL too high or clearly negative, policy ratio far from 1, high clip fraction,
 * entropy collapse, response length running away or collapsing, reward flat while KL rises, most
 * responses without EOS. Each fires once per episode of its condition: it must hold
 * {@link HealthThresholds#patience()} steps in a row, and clears only when back well inside its
 * limit. A rule is judged as soon as the metrics it needs for a step have arrived. Not thread-safe:
 * feed it from one thread.
 */
public final class HealthMonitor {
    private final HealthThresholds thresholds;
    private final List<HealthRule> rules;
    private final Map<HealthSignal.Kind, Latch> latches = new EnumMap<>(HealthSignal.Kind.class);
    private final Set<HealthSignal.Kind> judged = EnumSet.noneOf(HealthSignal.Kind.class);
    private final Map<String, Double> values = new HashMap<>();
    private final Map<String, Double> firsts = new HashMap<>();
    private final Map<String, Trend> trends = new HashMap<>();
    private long step = Long.MIN_VALUE;
    private final HealthRule.Facts facts = new HealthRule.Facts() {
        @Override
        public long step() {
            return step;
        }

        @Override
        public double value(String name) {
            return values.getOrDefault(name, Double.NaN);
        }

        @Override
        public double first(String name) {
            return firsts.getOrDefault(name, Double.NaN);
        }

        @Override
        public Trend trend(String name) {
            return trends.computeIfAbsent(name, n -> new Trend(thresholds.flatWindow()));
        }
    };

    public HealthMonitor() {
        this(HealthThresholds.defaults());
    }

    public HealthMonitor(HealthThresholds thresholds) {
        this(thresholds, HealthRules.all());
    }

    /** Watches a DPO run (offline or online) instead: chosen log-prob falling, KL to the SFT model. */
    public static HealthMonitor forDpo(HealthThresholds thresholds) {
        return new HealthMonitor(thresholds, DpoHealthRules.all());
    }

    HealthMonitor(HealthThresholds thresholds, List<HealthRule> rules) {
        this.thresholds = thresholds;
        this.rules = rules;
        for (HealthRule r : rules) {
            latches.put(r.kind(), new Latch(thresholds.patience()));
        }
    }

    /** Feeds one metric point (a run logs each step's points together, steps in order); returns the signals raised. */
    public List<HealthSignal> accept(MetricPoint p) {
        if (p.step() != step) {
            step = p.step();
            values.clear();
            judged.clear();
        }
        if (!Double.isFinite(p.value())) {
            return List.of();
        }
        values.put(p.name(), p.value());
        firsts.putIfAbsent(p.name(), p.value());
        facts.trend(p.name()).add(p.step(), p.value());
        List<HealthSignal> raised = new ArrayList<>();
        for (HealthRule r : rules) {
            if (judged.contains(r.kind()) || !r.needs().contains(p.name()) || !values.keySet().containsAll(r.needs())) {
                continue;
            }
            judged.add(r.kind());
            Check c = r.test().check(facts, thresholds);
            if (c != null && latches.get(r.kind()).update(c.enter(), c.exit())) {
                raised.add(new HealthSignal(step, r.kind(), r.severity(), c.title(), r.meaning(), r.advice()));
            }
        }
        return raised;
    }

    /** Feeds points in order (e.g. a resumed run's recorded history); returns all signals raised. */
    public List<HealthSignal> acceptAll(Collection<MetricPoint> points) {
        List<HealthSignal> raised = new ArrayList<>();
        for (MetricPoint p : points) {
            raised.addAll(accept(p));
        }
        return raised;
    }

    /** The conditions that hold now (signalled and not yet cleared). */
    public Set<HealthSignal.Kind> active() {
        Set<HealthSignal.Kind> out = EnumSet.noneOf(HealthSignal.Kind.class);
        latches.forEach((k, l) -> {
            if (l.active()) {
                out.add(k);
            }
        });
        return out;
    }

    public HealthThresholds thresholds() {
        return thresholds;
    }
}
