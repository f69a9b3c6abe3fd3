package org.rlhfworkbench.jobs.eval;

import java.util.Optional;
import org.rlhfworkbench.core.Generation;
import org.rlhfworkbench.core.Prompt;
import org.rlhfworkbench.core.Winner;

/** An automatic judge of one A/B pair: a reward model, or the sample's rubric. */
public interface PairJudge {
    /** Shown in the results beside the people's verdicts, e.g. "reward model 7" or "rubric". */
    String name();

    /** A, B or TIE; empty when this judge cannot judge the prompt. May block (model work). */
    Optional<Winner> judge(Prompt prompt, Generation a, Generation b);
}
