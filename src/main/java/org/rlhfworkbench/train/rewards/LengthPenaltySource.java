package org.rlhfworkbench.train.rewards;

import java.util.List;

/**
 * A length penalty: -max(0, L - target) / target for an answer of L tokens, so answers up to
 * {@code target} tokens cost nothing and each further target's worth costs 1.
 */
public final class LengthPenaltySource implements RewardSource {
    public static final String NAME = "length";
    private final int target;

    public LengthPenaltySource(int target) {
        if (target < 1) {
            throw new IllegalArgumentException("length target must be at least 1 token, was " + target);
        }
        this.target = target;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double[] score(List<Episode> episodes) {
        double[] out = new double[episodes.size()];
        for (int i = 0; i < out.length; i++) {
            int over = episodes.get(i).answerIds().length - target;
            out[i] = over <= 0 ? 0 : -(double) over / target;
        }
        return out;
    }
}
