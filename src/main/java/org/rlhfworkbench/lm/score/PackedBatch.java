package org.rlhfworkbench.lm.score;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.rlhfworkbench.lm.model.AttentionMask;

/**
 * Prompt + response rows laid out as [left-padded prompt | right-padded response], width
 * P + R. All responses start at column P, so response token i of every row is predicted by the
 * logits at column P - 1 + i: one slice serves the whole batch.
 */
public final class PackedBatch {
    private final int promptWidth;
    private final int responseWidth;
    private final long[] ids;
    private final boolean[][] valid;
    private final float[] responseMask;
    private final long[] responseIds;

    public PackedBatch(List<int[]> prompts, List<int[]> responses) {
        int n = prompts.size();
        promptWidth = prompts.stream().mapToInt(a -> a.length).max().orElse(0);
        responseWidth = Math.max(1, responses.stream().mapToInt(a -> a.length).max().orElse(1));
        int width = promptWidth + responseWidth;
        ids = new long[n * width];
        valid = new boolean[n][width];
        responseMask = new float[n * responseWidth];
        responseIds = new long[n * responseWidth];
        for (int b = 0; b < n; b++) {
            int[] pr = prompts.get(b);
            int[] re = responses.get(b);
            if (pr.length == 0) {
                throw new IllegalArgumentException("row " + b + ": empty prompt (at least one token, e.g. BOS)");
            }
            for (int j = 0; j < pr.length; j++) {
                int col = promptWidth - pr.length + j;
                ids[b * width + col] = pr[j];
                valid[b][col] = true;
            }
            for (int j = 0; j < re.length; j++) {
                ids[b * width + promptWidth + j] = re[j];
                valid[b][promptWidth + j] = true;
                responseMask[b * responseWidth + j] = 1f;
                responseIds[b * responseWidth + j] = re[j];
            }
        }
    }

    public int rows() {
        return valid.length;
    }

    public int promptWidth() {
        return promptWidth;
    }

    public int responseWidth() {
        return responseWidth;
    }

    public AttentionMask mask() {
        return new AttentionMask(valid);
    }

    /** (B, P + R) int64 token ids, pads 0. */
    public NDArray ids(NDManager m) {
        return m.create(ids, new Shape(rows(), promptWidth + responseWidth));
    }

    /** (B, R) response token ids, pads 0. */
    public NDArray responseIds(NDManager m) {
        return m.create(responseIds, new Shape(rows(), responseWidth));
    }

    /** (B, R) 1 on real response tokens, 0 on padding. */
    public NDArray responseMask(NDManager m) {
        return m.create(responseMask, new Shape(rows(), responseWidth));
    }

    public float[] responseMaskArray() {
        return responseMask.clone();
    }
}
