package org.rlhfworkbench.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RunFormatTest {

    @Test
    void durationsReadAsClockTimes() {
        assertThat(RunFormat.duration(42.4)).isEqualTo("0:42");
        assertThat(RunFormat.duration(725)).isEqualTo("12:05");
        assertThat(RunFormat.duration(3723)).isEqualTo("1:02:03");
        assertThat(RunFormat.duration(Double.NaN)).isEqualTo("–");
    }

    @Test
    void learningRatesReadAsPeopleWriteThem() {
        assertThat(RunFormat.rate(1e-4f)).isEqualTo("1e-4");
        assertThat(RunFormat.rate(5e-5f)).isEqualTo("5e-5");
        assertThat(RunFormat.rate(2.5e-4)).isEqualTo("2.5e-4");
        assertThat(RunFormat.parseRate(" 3e-4 ")).isEqualTo(3e-4f);
    }

    @Test
    void aLearningRateOutsideZeroToOneIsRefusedWithItsReason() {
        assertThatThrownBy(() -> RunFormat.parseRate("fast")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> RunFormat.parseRate("0")).hasMessageContaining("between 0 and 1");
    }
}
