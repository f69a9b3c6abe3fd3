package org.rlhfworkbench.lm.sample;

/** Next-token distributions of the live rows, row-major: log-probs and probabilities. */
record Dist(float[] logp, float[] prob) {
    Dist repeatRows(int[] rows, int vocab) {
        float[] lp = new float[rows.length * vocab];
        float[] pr = new float[rows.length * vocab];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(logp, rows[i] * vocab, lp, i * vocab, vocab);
            System.arraycopy(prob, rows[i] * vocab, pr, i * vocab, vocab);
        }
        return new Dist(lp, pr);
    }
}
