package org.rlhfworkbench.train.rewards;

import java.util.List;

/**
 * One kind of reward: a reward model, a rule (exact answer, format, length) or the sample's
 * rubric. A source scores whole episodes; {@link RewardMix} normalises each source on its own
 * and sums them with weights. One file per source.
 */
public interface RewardSource {
    /** The metric name part: rewards/&lt;name&gt;/mean. */
    String name();

    /** One raw score per episode, higher is better. */
    double[] score(List<Episode> episodes);

    /** True for the sample's rubric: a simulated judge, which the UI and logs must say. */
    default boolean simulatedJudge() {
        return false;
    }
}
