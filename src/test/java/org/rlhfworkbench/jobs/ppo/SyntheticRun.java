package org.rlhfworkbench.jobs.ppo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rlhfworkbench.core.MetricPoint;

/**
 * A synthetic PPO metric stream for a {@link HealthMonitor}: every step logs the metrics a real
 * run logs, in the same order, with healthy values (reward rising slowly, KL small and steady,
 * 16 episodes per step, all with EOS) unless overridden.
 */
final class SyntheticRun {
    private final HealthMonitor monitor;

    SyntheticRun(HealthMonitor monitor) {
        this.monitor = monitor;
    }

    /** Logs steps {@code from..to} (inclusive) with {@code overrides}; returns the signals raised. */
    List<HealthSignal> steps(long from, long to, Map<String, Double> overrides) {
        List<HealthSignal> raised = new ArrayList<>();
        for (long s = from; s <= to; s++) {
            Map<String, Double> v = healthy(s);
            v.putAll(overrides);
            for (Map.Entry<String, Double> e : v.entrySet()) {
                raised.addAll(monitor.accept(new MetricPoint(s, e.getKey(), e.getValue())));
            }
        }
        return raised;
    }

    static Map<String, Double> healthy(long step) {
        Map<String, Double> v = new LinkedHashMap<>();
        v.put(PpoMetricNames.KL, 0.5 + 0.01 * (step % 3));
        v.put(PpoMetricNames.ENTROPY, 2.0);
        v.put(PpoMetricNames.NON_SCORE_REWARD, -0.03);
        v.put(PpoMetricNames.RLHF_REWARD, 0.1 + 0.02 * step);
        v.put(PpoMetricNames.SCORES, 0.13 + 0.02 * step);
        v.put(PpoMetricNames.APPROX_KL, 0.001);
        v.put(PpoMetricNames.CLIPFRAC, 0.05);
        v.put(PpoMetricNames.POLICY_LOSS, -0.01);
        v.put(PpoMetricNames.VALUE_LOSS, 0.2);
        v.put(PpoMetricNames.VALUE_CLIPFRAC, 0.0);
        v.put(PpoMetricNames.RATIO, 1.0);
        v.put(PpoMetricNames.NUM_EOS, 16.0);
        v.put(PpoMetricNames.RESPONSE_LENGTH, 12.0);
        v.put(PpoMetricNames.BETA, 0.05);
        v.put(PpoMetricNames.EPISODE, 16.0 * step);
        return v;
    }
}
