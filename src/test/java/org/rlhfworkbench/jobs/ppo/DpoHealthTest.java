package org.rlhfworkbench.jobs.ppo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rlhfworkbench.core.MetricPoint;
import org.rlhfworkbench.core.config.ProbeSample;

/** The DPO tab's health rules against hand-made metric series and probe batches. */
class DpoHealthTest {
    private final HealthThresholds t = HealthThresholds.defaults();  // window 10, patience 2, KL limit 10

    private static List<HealthSignal> feed(HealthMonitor m, String name, double... values) {
        List<HealthSignal> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            out.addAll(m.accept(new MetricPoint(i + 1, name, values[i])));
        }
        return out;
    }

    @Test
    void chosenLogProbFallingIsSignalledWhenFiveNatsDownAndStillFalling() {
        // -20 at step 1, down 1 nat a step: under -25 from step 7 (-26); the window is full from step 10,
        // so the condition holds at steps 10 and 11 and, with patience 2, is signalled at step 11
        double[] v = new double[14];
        for (int i = 0; i < v.length; i++) {
            v[i] = -20 - i;
        }
        List<HealthSignal> s = feed(HealthMonitor.forDpo(t), "logps/chosen", v);
        assertThat(s).hasSize(1);
        assertThat(s.get(0).kind()).isEqualTo(HealthSignal.Kind.CHOSEN_LOGP_FALLING);
        assertThat(s.get(0).step()).isEqualTo(11);
        assertThat(s.get(0).title()).contains("-30.0").contains("-20.0");
    }

    @Test
    void aChosenLogProbThatDroppedOnceButRecoversIsNotSignalled() {
        // 6 nats down at step 2, then climbing back: below the limit but not falling over the window
        double[] v = {-20, -26, -26, -25.8, -25.6, -25.4, -25.2, -25.1, -25.05, -25.02, -25.01, -25.005};
        assertThat(feed(HealthMonitor.forDpo(t), "logps/chosen", v)).isEmpty();
    }

    @Test
    void noisyButFlatChosenLogProbIsQuiet() {
        double[] v = {-20, -22, -19, -21, -20, -23, -18, -20, -21, -19, -20, -22, -20};
        assertThat(feed(HealthMonitor.forDpo(t), "logps/chosen", v)).isEmpty();
    }

    @Test
    void onlineKlAboveTheLimitTwoRoundsInARowIsSignalledOnce() {
        List<HealthSignal> s = feed(HealthMonitor.forDpo(t), "online/kl_sft", 2, 9, 11, 12, 13, 9);
        assertThat(s).extracting(HealthSignal::kind).containsExactly(HealthSignal.Kind.KL_HIGH);
        assertThat(s.get(0).step()).isEqualTo(4);
    }

    @Test
    void ppoMetricsMeanNothingToTheDpoRules() {
        assertThat(feed(HealthMonitor.forDpo(t), PpoMetricNames.RESPONSE_LENGTH, 10, 40, 80, 160, 320)).isEmpty();
    }

    private static ProbeSample probe(String policy, String reference) {
        return new ProbeSample("p", policy, 0, reference, 0);
    }

    @Test
    void probeAnswersTwiceAsLongAsTheReferenceAreSignalled() {
        ProbeHealth h = new ProbeHealth(t);
        // 4 + 4 words against 4 + 4: ratio 1
        assertThat(h.accept(1, List.of(probe("a b c d", "w x y z"), probe("e f g h", "w x y z")))).isEmpty();
        // 9 + 9 words against 4 + 4: ratio 2.25 > 2
        List<HealthSignal> s = h.accept(2, List.of(probe("a b c d e f g h i", "w x y z"),
                probe("j k l m n o p q r", "w x y z")));
        assertThat(s).extracting(HealthSignal::kind).containsExactly(HealthSignal.Kind.PROBE_LENGTH_RUNAWAY);
        assertThat(s.get(0).title()).contains("2.3x");  // 18 / 8 = 2.25, rounded half up
        // still long: no second signal until it clears (under 1.6x)
        assertThat(h.accept(3, List.of(probe("a b c d e f g h i", "w x y z"), probe("j k l m n o p q r",
                "w x y z")))).isEmpty();
    }

    @Test
    void theSameAnswerToEveryProbeIsSignalled() {
        ProbeHealth h = new ProbeHealth(t);
        List<HealthSignal> s = h.accept(5, List.of(probe("I love you", "a b c"), probe("I love you", "a b c"),
                probe("I love you ", "a b c"), probe("Paris", "a b c")));
        // 2 distinct answers out of 4: share 0.5 is not under 0.5
        assertThat(s).isEmpty();
        s = h.accept(6, List.of(probe("I love you", "a b c"), probe("I love you", "a b c"),
                probe("I love you", "a b c"), probe("I love you", "a b c")));
        assertThat(s).extracting(HealthSignal::kind).containsExactly(HealthSignal.Kind.PROBE_REPETITION);
        assertThat(s.get(0).title()).isEqualTo("Only 1 distinct answers to 4 probe prompts");
    }

    @Test
    void aDpoWatchCollectsMetricAndProbeSignals() {
        PpoWatch w = PpoWatch.forDpo();
        w.onMetric(new MetricPoint(1, "online/kl_sft", 20));
        w.onMetric(new MetricPoint(2, "online/kl_sft", 20));
        w.onSamples(2, List.of(probe("same", "a b"), probe("same", "c d"), probe("same", "e f")));
        assertThat(w.drainSignals()).extracting(HealthSignal::kind)
                .containsExactly(HealthSignal.Kind.KL_HIGH, HealthSignal.Kind.PROBE_REPETITION);
        assertThat(w.takeSamples().step()).isEqualTo(2);
    }
}
