package org.rlhfworkbench.jobs.ppo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rlhfworkbench.jobs.ppo.PpoMetricNames.CLIPFRAC;
import static org.rlhfworkbench.jobs.ppo.PpoMetricNames.ENTROPY;
import static org.rlhfworkbench.jobs.ppo.PpoMetricNames.KL;
import static org.rlhfworkbench.jobs.ppo.PpoMetricNames.NUM_EOS;
import static org.rlhfworkbench.jobs.ppo.PpoMetricNames.RATIO;
import static org.rlhfworkbench.jobs.ppo.PpoMetricNames.RESPONSE_LENGTH;
import static org.rlhfworkbench.jobs.ppo.PpoMetricNames.SCORES;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rlhfworkbench.core.MetricPoint;
import org.rlhfworkbench.jobs.ppo.HealthSignal.Kind;
import org.rlhfworkbench.jobs.ppo.HealthSignal.Severity;

/** Each health signal on a synthetic metric stream: it fires once per episode of its condition, with text. */
class HealthMonitorTest {
    private final SyntheticRun run = new SyntheticRun(new HealthMonitor());

    @Test
    void aHealthyRunRaisesNothing() {
        assertThat(run.steps(1, 80, Map.of())).isEmpty();
    }

    @Test
    void klAboveTheLimitFiresOnceAndAgainOnlyAfterFallingWellBelowIt() {
        run.steps(1, 3, Map.of());
        List<HealthSignal> first = new ArrayList<>(run.steps(4, 5, Map.of(KL, 12.0)));
        first.addAll(run.steps(6, 6, Map.of(KL, 9.0)));  // inside the band: the episode goes on
        first.addAll(run.steps(7, 8, Map.of(KL, 13.0)));
        assertThat(first).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo(Kind.KL_HIGH);
            assertThat(s.step()).isEqualTo(5);
            assertThat(s.title()).contains("12.0 nats").contains("limit 10");
        });

        run.steps(9, 9, Map.of(KL, 6.0));
        assertThat(run.steps(10, 11, Map.of(KL, 11.0))).extracting(HealthSignal::kind).containsExactly(Kind.KL_HIGH);
    }

    @Test
    void oneNoisyStepOverALimitIsNotASignal() {
        run.steps(1, 3, Map.of());
        assertThat(run.steps(4, 4, Map.of(KL, 15.0, RATIO, 1.5, CLIPFRAC, 0.6))).isEmpty();
        assertThat(run.steps(5, 10, Map.of())).isEmpty();
    }

    @Test
    void clearlyNegativeKlFiresButK1NoiseDoesNot() {
        assertThat(run.steps(1, 6, Map.of(KL, -0.3))).isEmpty();
        assertThat(run.steps(7, 8, Map.of(KL, -0.9))).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo(Kind.KL_NEGATIVE);
            assertThat(s.title()).contains("-0.90");
        });
    }

    @Test
    void aRatioFarFromOneFiresOnEitherSide() {
        assertThat(run.steps(1, 2, Map.of(RATIO, 1.35))).extracting(HealthSignal::kind)
                .containsExactly(Kind.RATIO_FAR_FROM_ONE);
        run.steps(3, 3, Map.of(RATIO, 1.02));
        assertThat(run.steps(4, 5, Map.of(RATIO, 0.7))).singleElement()
                .satisfies(s -> assertThat(s.title()).contains("0.70"));
    }

    @Test
    void aHighClipFractionFires() {
        assertThat(run.steps(1, 2, Map.of(CLIPFRAC, 0.45))).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo(Kind.CLIPFRAC_HIGH);
            assertThat(s.title()).contains("45%");
        });
    }

    @Test
    void entropyUnderAFifthOfItsStartIsACollapse() {
        run.steps(1, 5, Map.of());
        assertThat(run.steps(6, 7, Map.of(ENTROPY, 0.5))).isEmpty(); // a quarter of 2.0: not yet
        assertThat(run.steps(8, 9, Map.of(ENTROPY, 0.3))).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo(Kind.ENTROPY_COLLAPSE);
            assertThat(s.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(s.title()).contains("0.300").contains("2.000");
        });
    }

    @Test
    void responsesGrowingPastTwiceTheirStartLengthLookLikeRewardHacking() {
        run.steps(1, 5, Map.of());
        assertThat(run.steps(6, 8, Map.of(RESPONSE_LENGTH, 20.0))).isEmpty();
        assertThat(run.steps(9, 10, Map.of(RESPONSE_LENGTH, 26.0))).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo(Kind.LENGTH_RUNAWAY);
            assertThat(s.meaning()).contains("reward hacking");
            assertThat(s.title()).contains("26.0").contains("12.0");
        });
    }

    @Test
    void responsesShrinkingToAlmostNothingCollapse() {
        run.steps(1, 5, Map.of());
        assertThat(run.steps(6, 7, Map.of(RESPONSE_LENGTH, 1.0, NUM_EOS, 16.0))).singleElement()
                .satisfies(s -> assertThat(s.kind()).isEqualTo(Kind.LENGTH_COLLAPSE));
    }

    @Test
    void aFlatRewardWhileKlRisesFiresButNotWhileRewardRisesToo() {
        assertThat(run.steps(1, 12, Map.of())).isEmpty();
        SyntheticRun rising = new SyntheticRun(new HealthMonitor());
        for (long s = 1; s <= 12; s++) {
            assertThat(rising.steps(s, s, Map.of(KL, 0.3 * s, SCORES, 0.1 * s))).isEmpty();
        }
        List<HealthSignal> flat = new ArrayList<>();
        for (long s = 1; s <= 12; s++) {
            flat.addAll(run.steps(12 + s, 12 + s, Map.of(KL, 0.3 * s, SCORES, 0.5 + (s % 2 == 0 ? 0.02 : -0.02))));
        }
        assertThat(flat).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo(Kind.REWARD_FLAT);
            assertThat(s.title()).contains("last 10 steps");
        });
    }

    @Test
    void mostResponsesWithoutEosFire() {
        run.steps(1, 3, Map.of(NUM_EOS, 12.0)); // a quarter cut off: fine
        assertThat(run.steps(4, 5, Map.of(NUM_EOS, 4.0))).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo(Kind.MISSING_EOS);
            assertThat(s.title()).startsWith("75%");
        });
    }

    @Test
    void aRuleIsJudgedWhateverOrderTheStepsPointsArriveIn() {
        HealthMonitor m = new HealthMonitor();
        List<HealthSignal> raised = new ArrayList<>();
        for (long s = 1; s <= 2; s++) {
            raised.addAll(m.accept(new MetricPoint(s, "episode", 16.0 * s)));
            raised.addAll(m.accept(new MetricPoint(s, NUM_EOS, 2.0)));
        }
        assertThat(raised).extracting(HealthSignal::kind).containsExactly(Kind.MISSING_EOS);
        assertThat(m.active()).containsExactly(Kind.MISSING_EOS);
    }

    @Test
    void nonFiniteValuesAreIgnored() {
        run.steps(1, 2, Map.of());
        assertThat(run.steps(3, 6, Map.of(KL, Double.NaN, RATIO, Double.POSITIVE_INFINITY))).isEmpty();
    }

    @Test
    void everySignalSaysWhatItMeansAndWhatToTry() {
        List<HealthSignal> all = new ArrayList<>(run.steps(1, 2, Map.of()));
        all.addAll(run.steps(3, 4, Map.of(KL, 20.0, RATIO, 1.6, CLIPFRAC, 0.5, ENTROPY, 0.1, RESPONSE_LENGTH, 40.0,
                NUM_EOS, 0.0)));
        assertThat(all).extracting(HealthSignal::kind).contains(Kind.KL_HIGH, Kind.RATIO_FAR_FROM_ONE,
                Kind.CLIPFRAC_HIGH, Kind.ENTROPY_COLLAPSE, Kind.LENGTH_RUNAWAY, Kind.MISSING_EOS);
        assertThat(all).allSatisfy(s -> {
            assertThat(s.title()).isNotBlank();
            assertThat(s.meaning()).hasSizeGreaterThan(40);
            assertThat(s.advice()).hasSizeGreaterThan(40);
        });
    }
}
