package org.rlhfworkbench.lm.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HalfFloatsTest {

    @ParameterizedTest
    @CsvSource({
        "0x3C00, 1.0", "0xC000, -2.0", "0x0000, 0.0", "0x3800, 0.5", "0x7BFF, 65504.0",
        "0x0400, 6.103515625E-5", "0x0001, 5.9604644775390625E-8", "0x3555, 0.333251953125",
        "0x7C00, Infinity", "0xFC00, -Infinity"})
    void halfBitsConvertToHandComputedFloats(String bits, float expected) {
        assertThat(HalfFloats.halfToFloat((short) Integer.decode(bits).intValue())).isEqualTo(expected);
    }

    @Test
    void halfNegativeZeroAndNaNKeepTheirMeaning() {
        assertThat(Float.floatToIntBits(HalfFloats.halfToFloat((short) 0x8000))).isEqualTo(Float.floatToIntBits(-0f));
        assertThat(HalfFloats.halfToFloat((short) 0x7E00)).isNaN();
        assertThat(HalfFloats.floatToHalf(Float.NaN) & 0x7C00).isEqualTo(0x7C00);
        assertThat(HalfFloats.floatToHalf(Float.NaN) & 0x03FF).isNotZero();
    }

    @ParameterizedTest
    @CsvSource({"0x3F80, 1.0", "0xC000, -2.0", "0x4049, 3.140625", "0x3E80, 0.25", "0x7F80, Infinity"})
    void bf16BitsConvertToHandComputedFloats(String bits, float expected) {
        assertThat(HalfFloats.bf16ToFloat((short) Integer.decode(bits).intValue())).isEqualTo(expected);
    }

    @Test
    void everyHalfValueSurvivesARoundTripThroughFloat() {
        for (int bits = 0; bits < 0x10000; bits++) {
            float value = HalfFloats.halfToFloat((short) bits);
            if (!Float.isNaN(value)) {
                assertThat(HalfFloats.floatToHalf(value) & 0xFFFF).as("bits %04x", bits).isEqualTo(bits);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({
        "1.00048828125, 0x3C00",   // 1 + 2^-11: halfway, ties to even (down)
        "1.00146484375, 0x3C02",   // 1 + 3 * 2^-11: halfway, ties to even (up)
        "65519.0, 0x7BFF", "65520.0, 0x7C00", "1.0E6, 0x7C00", "-1.0E6, 0xFC00",
        "2.9802322387695312E-8, 0x0000", // 2^-25: halfway between 0 and the smallest subnormal
        "4.470348358154297E-8, 0x0001"}) // 0.75 of the smallest subnormal
    void floatToHalfRoundsToNearestEven(float value, String expectedBits) {
        assertThat(HalfFloats.floatToHalf(value) & 0xFFFF).isEqualTo(Integer.decode(expectedBits));
    }

    @Test
    void floatToHalfPicksTheNearestHalfForRandomFloats() {
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            float value = (float) (random.nextGaussian() * Math.pow(2, random.nextInt(40) - 25));
            short half = HalfFloats.floatToHalf(value);
            if (Float.isInfinite(HalfFloats.halfToFloat(half))) {
                assertThat(Math.abs(value)).isGreaterThanOrEqualTo(65520f);
                continue;
            }
            double error = Math.abs(HalfFloats.halfToFloat(half) - (double) value);
            for (int neighbour : new int[] {(half & 0xFFFF) - 1, (half & 0xFFFF) + 1}) {
                float other = HalfFloats.halfToFloat((short) neighbour);
                if ((neighbour & 0x7C00) != 0x7C00 && Math.signum(other) == Math.signum(value)) {
                    assertThat(error).as("value %s", value).isLessThanOrEqualTo(Math.abs(other - (double) value));
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"1.00390625, 0x3F80", "1.01171875, 0x3F82", "1.0, 0x3F80", "-2.0, 0xC000"})
    void floatToBf16RoundsToNearestEven(float value, String expectedBits) {
        assertThat(HalfFloats.floatToBf16(value) & 0xFFFF).isEqualTo(Integer.decode(expectedBits));
    }
}
