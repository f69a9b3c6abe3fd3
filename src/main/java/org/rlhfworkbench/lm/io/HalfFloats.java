package org.rlhfworkbench.lm.io;

/**
 * IEEE 754 binary16 ("half", F16) and bfloat16 (BF16) conversions, bit patterns held in the low
 * 16 bits of a short. Java 17 has no Float.float16ToFloat, so both directions are written out here.
 */
public final class HalfFloats {
    private HalfFloats() {
    }

    /** Exact: every half value is representable as a float (subnormals, infinities and NaN included). */
    public static float halfToFloat(short half) {
        int bits = half & 0xFFFF;
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1F;
        int mantissa = bits & 0x03FF;
        if (exponent == 0x1F) { // infinity or NaN: keep the payload
            return Float.intBitsToFloat(sign | 0x7F800000 | (mantissa << 13));
        }
        if (exponent == 0) { // zero or subnormal: mantissa * 2^-24
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent + 127 - 15) << 23) | (mantissa << 13));
    }

    /** Rounds to nearest, ties to even; overflows to infinity, underflows through subnormals to zero. */
    public static short floatToHalf(float value) {
        int bits = Float.floatToRawIntBits(value);
        int sign = (bits >>> 16) & 0x8000;
        int exponent = (bits >>> 23) & 0xFF;
        int mantissa = bits & 0x007FFFFF;
        if (exponent == 0xFF) { // infinity or NaN (NaN stays NaN: force a mantissa bit)
            return (short) (sign | 0x7C00 | (mantissa != 0 ? 0x0200 | (mantissa >>> 13) : 0));
        }
        int halfExponent = exponent - 127 + 15;
        if (halfExponent >= 0x1F) {
            return (short) (sign | 0x7C00);
        }
        if (halfExponent <= 0) { // subnormal half or zero
            if (halfExponent < -10) {
                return (short) sign;
            }
            int full = mantissa | 0x00800000; // implicit leading one
            int shift = 14 - halfExponent;
            return (short) (sign | roundShift(full, shift));
        }
        // normal: rounding may carry into the exponent, which is still correct (up to infinity)
        return (short) (sign | roundShift((halfExponent << 23) | mantissa, 13));
    }

    /** Exact: bfloat16 is the upper half of a float. */
    public static float bf16ToFloat(short bf16) {
        return Float.intBitsToFloat((bf16 & 0xFFFF) << 16);
    }

    /** Rounds to nearest, ties to even, as PyTorch does; NaN stays NaN. */
    public static short floatToBf16(float value) {
        int bits = Float.floatToRawIntBits(value);
        if (Float.isNaN(value)) {
            return (short) ((bits >>> 16) | 0x0040);
        }
        return (short) roundShift(bits, 16);
    }

    /** value >> shift, rounded to nearest with ties to even. */
    private static int roundShift(int value, int shift) {
        int truncated = value >>> shift;
        int remainder = value & ((1 << shift) - 1);
        int half = 1 << (shift - 1);
        if (remainder > half || (remainder == half && (truncated & 1) == 1)) {
            truncated++;
        }
        return truncated;
    }
}
