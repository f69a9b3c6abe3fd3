package org.rlhfworkbench.train.rewards;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rlhfworkbench.core.sample.Rubric;
import org.rlhfworkbench.core.sample.SampleCorpus;
import org.rlhfworkbench.core.sample.SamplePrompt;

/**
 * The bundled sample's rubric (correctness, courtesy, length) as a reward: the simulated judge,
 * which also plays the hidden gold judge in evaluations, so a run that trains on it measures what
 * RL reaches when the reward is right, not what it learns from labels. Prompts that are not from
 * the sample score 0.
 */
public final class RubricSource implements RewardSource {
    public static final String NAME = "rubric";
    private final Rubric rubric = new Rubric();
    private final SampleCorpus corpus = SampleCorpus.standard();
    private final Map<String, Optional<SamplePrompt>> facts = new HashMap<>();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean simulatedJudge() {
        return true;
    }

    @Override
    public double[] score(List<Episode> episodes) {
        double[] out = new double[episodes.size()];
        for (int i = 0; i < out.length; i++) {
            Episode e = episodes.get(i);
            Optional<SamplePrompt> f = facts.computeIfAbsent(e.prompt().text(), corpus::find);
            out[i] = f.map(p -> rubric.score(p, e.answerText()).score()).orElse(0.0);
        }
        return out;
    }
}
