package org.rlhfworkbench.train.ppo;

import java.util.ArrayList;
import java.util.List;
import org.rlhfworkbench.lm.score.PackedBatch;

/**
 * Rows {@code idx} of a rollout, repacked to their own width w (the longest response among
 * them): the token batch, old log-probs and advantages (b, w), and the value targets.
 */
record Minibatch(PackedBatch batch, int rows, int width, float[] oldLogp, float[] advantages, ValueTargets values) {

    /**
     * {@code order} cut into min(parts, n) consecutive minibatches whose sizes differ by at most
     * one (16 rows in 3 parts: 6, 5, 5), so every epoch runs exactly that many updates.
     */
    static List<List<Integer>> split(List<Integer> order, int parts) {
        int n = order.size();
        int k = Math.max(1, Math.min(parts, n));
        List<List<Integer>> out = new ArrayList<>(k);
        int start = 0;
        for (int i = 0; i < k; i++) {
            int size = n / k + (i < n % k ? 1 : 0);
            out.add(order.subList(start, start + size));
            start += size;
        }
        return out;
    }

    static Minibatch of(Rollout r, List<Integer> idx, double cliprangeValue) {
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
        float[] oldLogp = new float[b * w];
        float[] adv = new float[b * w];
        float[] ret = new float[b * w];
        float[] vLow = new float[b * w];
        float[] vHigh = new float[b * w];
        float[] mask = new float[b * w];
        for (int i = 0; i < b; i++) {
            int src = idx.get(i);
            for (int t = 0; t < w; t++) {
                int from = src * rw + t;
                int to = i * w + t;
                oldLogp[to] = r.oldLogp()[from];
                adv[to] = r.advantages()[from];
                ret[to] = r.returns()[from];
                vLow[to] = (float) (r.oldValues()[from] - cliprangeValue);    // V_old - c
                vHigh[to] = (float) (r.oldValues()[from] + cliprangeValue);   // V_old + c
                mask[to] = t < r.lengths()[src] ? 1f : 0f;
            }
        }
        return new Minibatch(new PackedBatch(prompts, responses), b, w, oldLogp, adv,
                new ValueTargets(b, w, vLow, vHigh, ret, mask));
    }
}
