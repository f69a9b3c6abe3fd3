package org.rlhfworkbench.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetricSeriesTest {

    @Test
    void growsPastItsInitialCapacity() {
        MetricSeries s = new MetricSeries("loss");
        for (int i = 1; i <= 1000; i++) {
            s.add(i, i * 0.5);
        }

        assertThat(s.size()).isEqualTo(1000);
        assertThat(s.step(999)).isEqualTo(1000);
        assertThat(s.lastValue()).isEqualTo(500);
    }

    @Test
    void aRepeatedStepReplacesTheTailFromThatStep() {
        MetricSeries s = new MetricSeries("loss");
        for (int i = 1; i <= 5; i++) {
            s.add(i, i);
        }
        s.add(3, 30);

        assertThat(s.stepsAsDoubles()).containsExactly(1, 2, 3);
        assertThat(s.values()).containsExactly(1, 2, 30);
    }

    @Test
    void nearestFindsTheClosestStep() {
        MetricSeries s = new MetricSeries("eval/loss");
        s.add(10, 1);
        s.add(20, 2);
        s.add(40, 4);

        assertThat(s.nearest(0)).isZero();
        assertThat(s.nearest(14.9)).isZero();
        assertThat(s.nearest(15.1)).isEqualTo(1);
        assertThat(s.nearest(31)).isEqualTo(2);
        assertThat(s.nearest(1e9)).isEqualTo(2);
        assertThat(new MetricSeries("x").nearest(3)).isEqualTo(-1);
    }
}
