package org.rlhfworkbench.jobs.run;

import org.rlhfworkbench.core.sample.RubricScore;

/**
 * Where a model's rubric score comes from, over all its judged answers: shares of correct,
 * wrong and answer-less responses, of polite and rude ones, and the mean length penalty. Tells
 * whether a policy gained by knowing more or by saying it more nicely.
 */
public final class RubricBreakdown {
    private int n;
    private int correct;
    private int wrong;
    private int noAnswer;
    private int polite;
    private int rude;
    private double penalty;

    void add(RubricScore s) {
        n++;
        switch (s.verdict()) {
            case CORRECT -> correct++;
            case WRONG -> wrong++;
            default -> noAnswer++;
        }
        polite += s.politeness() > 0 ? 1 : 0;
        rude += s.politeness() < 0 ? 1 : 0;
        penalty += s.lengthPenalty();
    }

    public int answers() {
        return n;
    }

    public double correct() {
        return share(correct);
    }

    public double wrong() {
        return share(wrong);
    }

    /** Refusals, small talk and empty answers. */
    public double noAnswer() {
        return share(noAnswer);
    }

    public double polite() {
        return share(polite);
    }

    public double rude() {
        return share(rude);
    }

    public double meanLengthPenalty() {
        return n == 0 ? 0 : penalty / n;
    }

    private double share(int c) {
        return n == 0 ? 0 : (double) c / n;
    }

    /** One line: "correct 0.71  wrong 0.20  no answer 0.09  polite 0.55  rude 0.05  length penalty 0.12". */
    @Override
    public String toString() {
        return String.format("correct %.2f  wrong %.2f  no answer %.2f  polite %.2f  rude %.2f  length penalty %.2f",
                correct(), wrong(), noAnswer(), polite(), rude(), meanLengthPenalty());
    }
}
