package org.rlhfworkbench.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DecimatorTest {

    @Test
    void aShortSeriesKeepsEveryFinitePoint() {
        assertThat(Decimator.keep(new double[] {1, Double.NaN, 3, 4}, 2000)).containsExactly(0, 2, 3);
    }

    @Test
    void aLongSeriesIsThinnedToAtMostTheLimitKeepingEndsAndExtremes() {
        double[] v = new Random(1).doubles(100_000).toArray();
        v[31_337] = 50;
        v[77_000] = -50;

        int[] keep = Decimator.keep(v, 2000);

        assertThat(keep.length).isLessThanOrEqualTo(2000).isGreaterThan(1900);
        assertThat(keep[0]).isZero();
        assertThat(keep[keep.length - 1]).isEqualTo(v.length - 1);
        assertThat(keep).contains(31_337, 77_000);
        assertThat(keep).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void nonFiniteValuesAreNeverKept() {
        double[] v = new double[10_000];
        Arrays.fill(v, 1);
        v[0] = Double.NaN;
        v[9_999] = Double.POSITIVE_INFINITY;
        v[5_000] = Double.NaN;

        int[] keep = Decimator.keep(v, 100);

        assertThat(keep).doesNotContain(0, 5_000, 9_999).isNotEmpty();
        assertThat(keep.length).isLessThanOrEqualTo(100);
    }

    @Test
    void anAllNaNSeriesKeepsNothing() {
        double[] v = new double[5000];
        Arrays.fill(v, Double.NaN);

        assertThat(Decimator.keep(v, 100)).isEmpty();
    }
}
