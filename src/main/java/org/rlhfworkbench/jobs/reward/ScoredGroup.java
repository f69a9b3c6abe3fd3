package org.rlhfworkbench.jobs.reward;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One held-out prompt as the reward model saw it: its responses in ranking-entry order, their
 * human ranks (1 = best, equal = tie, null = unranked) and their reward-model scores.
 */
public record ScoredGroup(long promptId, String prompt, List<Long> generationIds, List<String> responses,
                          List<Integer> ranks, double[] scores) {
    public ScoredGroup {
        if (responses.size() != ranks.size() || responses.size() != scores.length
                || responses.size() != generationIds.size()) {
            throw new IllegalArgumentException("prompt " + promptId + ": " + responses.size() + " responses, "
                    + ranks.size() + " ranks, " + scores.length + " scores");
        }
        generationIds = List.copyOf(generationIds);
        responses = List.copyOf(responses);
        ranks = Collections.unmodifiableList(new ArrayList<>(ranks));
        scores = scores.clone();
    }
}
