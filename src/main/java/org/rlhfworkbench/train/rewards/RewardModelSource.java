package org.rlhfworkbench.train.rewards;

import java.util.ArrayList;
import java.util.List;
import org.rlhfworkbench.train.ppo.Scorer;

/** A reward model of the project (already normalised by its saved mean and std, as PPO scores it). */
public final class RewardModelSource implements RewardSource {
    private final String name;
    private final Scorer scorer;

    public RewardModelSource(String name, Scorer scorer) {
        this.name = name;
        this.scorer = scorer;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public double[] score(List<Episode> episodes) {
        List<int[]> prompts = new ArrayList<>();
        List<int[]> answers = new ArrayList<>();
        for (Episode e : episodes) {
            prompts.add(e.prompt().ids());
            answers.add(e.answerIds());
        }
        float[] s = scorer.score(prompts, answers);
        double[] out = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = s[i];
        }
        return out;
    }
}
