package org.rlhfworkbench.jobs.eval;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.rlhfworkbench.core.Generation;
import org.rlhfworkbench.core.Prompt;
import org.rlhfworkbench.core.Winner;
import org.rlhfworkbench.core.sample.Rubric;
import org.rlhfworkbench.core.sample.RubricScore;
import org.rlhfworkbench.core.sample.SampleCorpus;
import org.rlhfworkbench.core.sample.SamplePrompt;

/**
 * The sample's rubric as a judge (higher rubric score wins, equal scores tie) and as the
 * simulated arena annotator ({@link #vote}: both bad when neither answer is correct, and a
 * verdict per criterion from the rubric's 1-5 ratings). Judges sample-corpus prompts only.
 */
public final class RubricJudge implements PairJudge {
    /** What a simulated annotator presses for one pair, in A/B terms. */
    public record Vote(Winner winner, Map<String, Winner> criteria) {
    }

    private final Rubric rubric = new Rubric();
    private final SampleCorpus corpus = SampleCorpus.standard();

    @Override
    public String name() {
        return "rubric";
    }

    @Override
    public Optional<Winner> judge(Prompt prompt, Generation a, Generation b) {
        return corpus.find(prompt.text()).map(f -> compare(rubric.score(f, a.text()).score(), rubric.score(f, b.text()).score()));
    }

    /** The simulated annotator's vote on answers a and b, or empty for a prompt the rubric cannot judge. */
    public Optional<Vote> vote(Prompt prompt, String a, String b) {
        Optional<SamplePrompt> facts = corpus.find(prompt.text());
        if (facts.isEmpty()) {
            return Optional.empty();
        }
        RubricScore sa = rubric.score(facts.get(), a);
        RubricScore sb = rubric.score(facts.get(), b);
        Winner w = !sa.correct() && !sb.correct() ? Winner.BOTH_BAD : compare(sa.score(), sb.score());
        Map<String, Winner> criteria = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : sa.ratings().entrySet()) {
            criteria.put(e.getKey(), compare(e.getValue(), sb.ratings().get(e.getKey())));
        }
        return Optional.of(new Vote(w, criteria));
    }

    static Winner compare(double a, double b) {
        return Math.abs(a - b) < 1e-9 ? Winner.TIE : a > b ? Winner.A : Winner.B;
    }
}
