package org.rlhfworkbench.jobs.ppo;

/**
 * When the {@link HealthMonitor} raises a signal. Each condition clears only once the value is
 * back well inside its limit (hysteresis), so a value hovering at a threshold raises one signal.
 *
 * @param klHigh objective/kl above this many nats per response (clears below 80% of it)
 * @param klNegative objective/kl below this (k1 noise stays within a few tenths of a nat)
 * @param ratioBand |val/ratio - 1| above this (clears below half of it)
 * @param clipfracHigh policy/clipfrac_avg above this (clears below two thirds of it)
 * @param entropyFloor objective/entropy below this share of its first value (clears above 1.5x the share)
 * @param lengthGrowth response_length above this multiple of its first value (and 2 tokens longer)
 * @param lengthFloorTokens response_length below this many tokens, or below a quarter of its first value
 * @param flatWindow steps over which the reward and KL trends are fitted
 * @param flatChange objective/scores rising less than this over the window counts as flat
 * @param klRise ... while objective/kl rose more than this many nats over the window
 * @param missingEosShare share of responses without EOS above this (clears below 60% of it)
 * @param patience steps in a row a condition must hold before it is signalled (one noisy step is not a trend)
 */
public record HealthThresholds(double klHigh, double klNegative, double ratioBand, double clipfracHigh,
                               double entropyFloor, double lengthGrowth, double lengthFloorTokens, int flatWindow,
                               double flatChange, double klRise, double missingEosShare, int patience) {

    public static HealthThresholds defaults() {
        return new HealthThresholds(10, -0.5, 0.2, 0.3, 0.2, 2.0, 1.5, 10, 0.1, 1.0, 0.5, 2);
    }

    public HealthThresholds {
        if (flatWindow < 3 || patience < 1) {
            throw new IllegalArgumentException("need flatWindow >= 3 and patience >= 1");
        }
    }

    public HealthThresholds withPatience(int steps) {
        return new HealthThresholds(klHigh, klNegative, ratioBand, clipfracHigh, entropyFloor, lengthGrowth,
                lengthFloorTokens, flatWindow, flatChange, klRise, missingEosShare, steps);
    }
}
