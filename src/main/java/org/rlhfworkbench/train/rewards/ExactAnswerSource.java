package org.rlhfworkbench.train.rewards;

import java.util.List;

/**
 * 1 when the answer the response states equals the prompt's reference answer (numbers
 * normalised, see {@link AnswerExtractor}), else 0. Prompts without a reference score 0 for every
 * answer, so their groups carry no signal from this source.
 */
public final class ExactAnswerSource implements RewardSource {
    public static final String NAME = "exact";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double[] score(List<Episode> episodes) {
        double[] out = new double[episodes.size()];
        for (int i = 0; i < out.length; i++) {
            Episode e = episodes.get(i);
            String ref = e.prompt().reference();
            out[i] = ref != null && !ref.isBlank() && AnswerExtractor.matches(e.prompt().text(), e.answerText(), ref)
                    ? 1 : 0;
        }
        return out;
    }
}
