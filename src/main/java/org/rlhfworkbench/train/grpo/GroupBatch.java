package org.rlhfworkbench.train.grpo;

import java.util.ArrayList;
import java.util.List;
import org.rlhfworkbench.lm.score.PackedBatch;

/**
 * Rows {@code idx} of a rollout repacked to their own width w (the longest answer among them):
 * the token batch and the (b, w) arrays the loss needs; {@code refLogp} null without a reference.
 */
record GroupBatch(PackedBatch batch, int rows, int width, float[] oldLogp, float[] refLogp, float[] advantages,
                  float[] mask) {

    static GroupBatch of(GroupRollout r, List<Integer> idx) {
        int rw = r.width();
        int b = idx.size();
        List<int[]> prompts = new ArrayList<>();
        List<int[]> responses = new ArrayList<>();
        int w = 1;
        for (int src : idx) {
            prompts.add(r.prompts().get(src));
            responses.add(r.responses().get(src));
            w = Math.max(w, r.lengths()[src]);
        }
        float[] old = new float[b * w];
        float[] ref = r.refLogp() == null ? null : new float[b * w];
        float[] adv = new float[b * w];
        float[] mask = new float[b * w];
        for (int i = 0; i < b; i++) {
            int src = idx.get(i);
            System.arraycopy(r.oldLogp(), src * rw, old, i * w, w);
            System.arraycopy(r.advantages(), src * rw, adv, i * w, w);
            System.arraycopy(r.lossMask(), src * rw, mask, i * w, w);
            if (ref != null) {
                System.arraycopy(r.refLogp(), src * rw, ref, i * w, w);
            }
        }
        return new GroupBatch(new PackedBatch(prompts, responses), b, w, old, ref, adv, mask);
    }
}
