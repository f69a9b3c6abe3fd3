package org.rlhfworkbench.train.ppo;

import java.util.List;

/**
 * One PPO batch after steps 1-5: responses, their sampling log-probs, reference log-probs,
 * old values, per-token rewards, advantages and returns. Token arrays are (B, R) row-major,
 * padded with 0 beyond each row's length.
 */
record Rollout(List<int[]> prompts, List<int[]> responses, int width, int[] lengths, float[] oldLogp,
               float[] refLogp, float[] oldValues, float[] rewards, float[] advantages, float[] returns,
               float[] scores, float[] rawScores, boolean[] stopped, double klPerResponse) {

    int size() {
        return prompts.size();
    }

    float[] mask() {
        float[] m = new float[size() * width];
        for (int b = 0; b < size(); b++) {
            for (int t = 0; t < lengths[b]; t++) {
                m[b * width + t] = 1f;
            }
        }
        return m;
    }
}
