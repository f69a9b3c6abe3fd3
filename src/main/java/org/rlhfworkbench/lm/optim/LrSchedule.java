package org.rlhfworkbench.lm.optim;

/**
 * Learning rate by step: linear warm-up from 0 to {@code peak} over {@code warmup} steps, then
 * cosine or linear decay to {@code peak * minRatio} at {@code total}, or constant.
 */
public record LrSchedule(Kind kind, float peak, int warmup, int total, float minRatio) {
    public enum Kind { COSINE, LINEAR, CONSTANT }

    public static LrSchedule cosine(float peak, int warmup, int total) {
        return new LrSchedule(Kind.COSINE, peak, warmup, total, 0.1f);
    }

    /** Learning rate for step {@code step} (0-based). */
    public float at(long step) {
        if (warmup > 0 && step < warmup) {
            return peak * (step + 1) / warmup;
        }
        if (kind == Kind.CONSTANT || total <= warmup) {
            return peak;
        }
        double progress = Math.min(1.0, (double) (step - warmup) / (total - warmup));
        double floor = peak * minRatio;
        double decay = kind == Kind.COSINE ? 0.5 * (1 + Math.cos(Math.PI * progress)) : 1 - progress;
        return (float) (floor + (peak - floor) * decay);
    }
}
