package org.rlhfworkbench.train.grpo;

import java.util.List;
import java.util.Map;

/**
 * One step's answers after scoring: K consecutive rows per prompt. Token arrays are (B, R)
 * row-major, padded with 0. {@code lossMask} is 0 on padding and on answers left out of the
 * loss (cut at the cap, with maskTruncated); {@code keep} is false for rows of groups that
 * dynamic sampling drops.
 *
 * @param refLogp null when no reference model is loaded (beta 0)
 * @param reported the weighted raw reward per answer (what "reward" reports)
 * @param bySource each source's raw scores (rewards/&lt;source&gt;/mean)
 */
record GroupRollout(List<int[]> prompts, List<int[]> responses, int width, int[] lengths, float[] oldLogp,
                    float[] refLogp, float[] advantages, float[] lossMask, boolean[] stopped, boolean[] keep,
                    double[] reported, Map<String, double[]> bySource, double fracZeroStd, int k) {

    int size() {
        return prompts.size();
    }

    /** Row indices that take part in the update. */
    List<Integer> keptRows() {
        return java.util.stream.IntStream.range(0, size()).filter(b -> keep[b]).boxed().toList();
    }
}
