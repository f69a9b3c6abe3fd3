package org.rlhfworkbench.jobs.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class HistogramTest {

    @Test
    void binsAreSymmetricAboutZeroSoNegativeMarginsStayLeftOfIt() {
        List<Histogram.Bin> bins = Histogram.symmetric(new double[] {-0.4, -0.1, 0.05, 0.3, 0.8}, 4);

        assertThat(bins.stream().mapToDouble(Histogram.Bin::lo).toArray())
                .containsExactly(new double[] {-0.8, -0.4, 0.0, 0.4}, within(1e-12));
        assertThat(bins.get(2).lo()).isZero();
        assertThat(bins).extracting(Histogram.Bin::count).containsExactly(0, 2, 2, 1);
        assertThat(bins.get(3).hi()).isEqualTo(0.8);
    }

    @Test
    void nonFiniteValuesAreLeftOut() {
        List<Histogram.Bin> bins = Histogram.symmetric(new double[] {1, Double.NaN, -1}, 2);

        assertThat(bins).extracting(Histogram.Bin::count).containsExactly(1, 1);
        assertThat(Histogram.symmetric(new double[] {Double.NaN}, 2)).isEmpty();
        assertThat(Histogram.symmetric(new double[0], 2)).isEmpty();
    }

    @Test
    void allZeroValuesStillGetBins() {
        assertThat(Histogram.symmetric(new double[] {0, 0}, 2)).extracting(Histogram.Bin::count).containsExactly(0, 2);
    }

    @Test
    void anOddNumberOfBinsIsRefused() {
        assertThatThrownBy(() -> Histogram.symmetric(new double[] {1}, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
