package org.rlhfworkbench.train.dpo;

import java.util.ArrayList;
import java.util.List;

/**
 * One round of online DPO as generated: the prompts, the K responses to each, their reward-model
 * scores, the chosen pairs and the reference log-probs of those pairs. Saved in the run folder
 * (so a resumed run trains on exactly the same data) and handed to the job to store in the project.
 *
 * @param pairs per pair {prompt index, chosen response index, rejected response index}
 * @param reference per pair {logp_ref_chosen, logp_ref_rejected}
 * @param klToSft mean over all samples of sum_t (logp_policy - logp_sft) at the sampling temperature (k1)
 */
public record OnlineIteration(int index, List<Long> promptIds, List<int[]> prompts, List<List<int[]>> responses,
                              List<float[]> scores, List<int[]> pairs, double[][] reference, double klToSft) {

    public List<DpoPair> dpoPairs() {
        List<DpoPair> out = new ArrayList<>();
        for (int[] p : pairs) {
            out.add(new DpoPair(promptIds.get(p[0]), prompts.get(p[0]), responses.get(p[0]).get(p[1]),
                    responses.get(p[0]).get(p[2])));
        }
        return out;
    }

    /** Mean reward-model score of every sample. */
    public double meanScore() {
        double s = 0;
        int n = 0;
        for (float[] row : scores) {
            for (float x : row) {
                s += x;
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /** Mean of score(chosen) - score(rejected) over the pairs. */
    public double meanPairMargin() {
        double s = 0;
        for (int[] p : pairs) {
            s += scores.get(p[0])[p[1]] - scores.get(p[0])[p[2]];
        }
        return pairs.isEmpty() ? Double.NaN : s / pairs.size();
    }

    public double meanChosenScore() {
        return pairs.stream().mapToDouble(p -> scores.get(p[0])[p[1]]).average().orElse(Double.NaN);
    }

    public double meanLength() {
        return responses.stream().flatMap(List::stream).mapToInt(r -> r.length).average().orElse(0);
    }
}
