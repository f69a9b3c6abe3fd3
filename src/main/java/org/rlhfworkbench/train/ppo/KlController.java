package org.rlhfworkbench.train.ppo;

/**
 * The KL coefficient beta: fixed, or adaptive (Ziegler et al. 2019):
 *   e = clip(KL / target - 1, -0.2, 0.2);  beta <- beta * (1 + e * n / horizon)
 * with KL the mean KL per response of the last rollout and n its number of episodes.
 */
public final class KlController {
    private final boolean adaptive;
    private final double target;
    private final double horizon;
    private double beta;

    public KlController(double beta, boolean adaptive, double target, double horizon) {
        this.beta = beta;
        this.adaptive = adaptive;
        this.target = target;
        this.horizon = horizon;
    }

    public double beta() {
        return beta;
    }

    /** Restores beta from a checkpoint. */
    public void set(double value) {
        beta = value;
    }

    public void update(double klPerResponse, int episodes) {
        if (!adaptive) {
            return;
        }
        double e = Math.max(-0.2, Math.min(0.2, klPerResponse / target - 1));
        beta *= 1 + e * episodes / horizon;
    }
}
