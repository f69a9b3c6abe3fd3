package org.rlhfworkbench.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EmaTest {

    @Test
    void weightZeroLeavesTheValuesAsTheyAre() {
        assertThat(Ema.smooth(new double[] {3, 1, 2}, 0)).containsExactly(3, 1, 2);
    }

    @Test
    void debiasedAverageMatchesAHandComputedExample() {
        // w = 0.5: m1 = 0.5 -> 0.5/0.5 = 1; m2 = 0.25 + 1 = 1.25 -> 1.25/0.75; m3 = 0.625 + 1.5 = 2.125 -> /0.875
        double[] s = Ema.smooth(new double[] {1, 2, 3}, 0.5);

        assertThat(s[0]).isCloseTo(1.0, within(1e-12));
        assertThat(s[1]).isCloseTo(1.25 / 0.75, within(1e-12));
        assertThat(s[2]).isCloseTo(2.125 / 0.875, within(1e-12));
    }

    @Test
    void aConstantSeriesStaysConstantFromTheFirstPoint() {
        assertThat(Ema.smooth(new double[] {2, 2, 2, 2}, 0.9)).containsExactly(new double[] {2, 2, 2, 2}, within(1e-12));
    }

    @Test
    void nonFiniteValuesPassThroughWithoutDisturbingTheAverage() {
        double[] s = Ema.smooth(new double[] {1, Double.NaN, 3}, 0.5);

        assertThat(s[1]).isNaN();
        assertThat(s[2]).isCloseTo((0.25 + 1.5) / 0.75, within(1e-12));
    }

    @Test
    void aWeightOfOneIsRefused() {
        assertThatThrownBy(() -> Ema.smooth(new double[] {1}, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
