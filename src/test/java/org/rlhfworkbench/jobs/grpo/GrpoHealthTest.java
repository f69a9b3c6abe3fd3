package org.rlhfworkbench.jobs.grpo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rlhfworkbench.core.MetricPoint;

class GrpoHealthTest {
    static List<GrpoSignal> feed(GrpoHealth h, double[] zeroStd, double[] length) {
        List<GrpoSignal> out = new ArrayList<>();
        for (int i = 0; i < zeroStd.length; i++) {
            out.addAll(h.accept(new MetricPoint(i + 1, "frac_reward_zero_std", zeroStd[i])));
            out.addAll(h.accept(new MetricPoint(i + 1, "completions/mean_length", length[i])));
            out.addAll(h.accept(new MetricPoint(i + 1, "entropy", 0.5)));
        }
        out.addAll(h.flush());
        return out;
    }

    @Test
    void mostGroupsWithoutSpreadForThreeStepsRaiseOneSignalAtTheThirdStep() {
        List<GrpoSignal> s = feed(new GrpoHealth(), new double[] {0.2, 0.75, 0.75, 0.75, 0.8, 0.9},
                new double[] {10, 10, 10, 10, 10, 10});
        assertThat(s).hasSize(1);
        assertThat(s.get(0).kind()).isEqualTo(GrpoSignal.Kind.ZERO_STD_HIGH);
        assertThat(s.get(0).step()).isEqualTo(4);
        assertThat(s.get(0).title()).isEqualTo("75% of groups have no reward spread");
    }

    @Test
    void aConditionThatClearsCanFireAgainButTwoStepsAreNotEnough() {
        List<GrpoSignal> s = feed(new GrpoHealth(), new double[] {0.9, 0.9, 0.1, 0.9, 0.9, 0.9, 0.1, 0.9, 0.9, 0.9},
                new double[] {10, 10, 10, 10, 10, 10, 10, 10, 10, 10});
        assertThat(s).extracting(GrpoSignal::step).containsExactly(6L, 10L);
    }

    @Test
    void lengthRunningAwayFromItsStartIsSignalled() {
        // start 10 tokens; above 1.5 x 10 = 15 for three steps from step 3
        List<GrpoSignal> s = feed(new GrpoHealth(), new double[] {0, 0, 0, 0, 0}, new double[] {10, 12, 16, 17, 19});
        assertThat(s).extracting(GrpoSignal::kind).containsExactly(GrpoSignal.Kind.LENGTH_RUNAWAY);
        assertThat(s.get(0).step()).isEqualTo(5);
    }
}
