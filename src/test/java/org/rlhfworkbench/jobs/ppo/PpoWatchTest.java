package org.rlhfworkbench.jobs.ppo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rlhfworkbench.core.MetricPoint;
import org.rlhfworkbench.core.config.ProbeSample;

class PpoWatchTest {
    @Test
    void signalsAreDrainedOnceInTheOrderRaised() {
        PpoWatch watch = new PpoWatch();
        for (long s = 1; s <= 2; s++) {
            long step = s;
            Map<String, Double> v = SyntheticRun.healthy(s);
            v.put(PpoMetricNames.KL, 14.0);
            v.put(PpoMetricNames.CLIPFRAC, 0.5);
            v.forEach((name, value) -> watch.onMetric(new MetricPoint(step, name, value)));
        }

        assertThat(watch.drainSignals()).extracting(HealthSignal::kind)
                .containsExactly(HealthSignal.Kind.KL_HIGH, HealthSignal.Kind.CLIPFRAC_HIGH);
        assertThat(watch.drainSignals()).isEmpty();
    }

    @Test
    void onlyTheNewestProbeSamplesAreKeptAndTakenOnce() {
        PpoWatch watch = new PpoWatch();
        watch.onSamples(1, List.of(new ProbeSample("p", "a", 0.1, "b", 0.2)));
        watch.onSamples(2, List.of(new ProbeSample("p", "c", 0.3, "b", 0.2)));

        ProbeBatch batch = watch.takeSamples();

        assertThat(batch.step()).isEqualTo(2);
        assertThat(batch.samples()).extracting(ProbeSample::policy).containsExactly("c");
        assertThat(watch.takeSamples()).isNull();
    }

    @Test
    void aReplayedHistorySetsTheBaselineAndItsSignalsShow() {
        PpoWatch watch = new PpoWatch();
        List<MetricPoint> history = new java.util.ArrayList<>();
        for (long s = 1; s <= 3; s++) {
            long step = s;
            SyntheticRun.healthy(s).forEach((name, value) -> history.add(new MetricPoint(step,
                    name, name.equals(PpoMetricNames.RATIO) && step > 1 ? 1.5 : value)));
        }
        watch.replay(history);
        assertThat(watch.drainSignals()).extracting(HealthSignal::kind)
                .containsExactly(HealthSignal.Kind.RATIO_FAR_FROM_ONE);

        Map<String, Double> v = SyntheticRun.healthy(4);
        v.put(PpoMetricNames.ENTROPY, 0.2);
        v.forEach((name, value) -> watch.onMetric(new MetricPoint(4, name, value)));
        v.forEach((name, value) -> watch.onMetric(new MetricPoint(5, name, value)));
        assertThat(watch.drainSignals()).extracting(HealthSignal::kind)
                .containsExactly(HealthSignal.Kind.ENTROPY_COLLAPSE);
    }
}
