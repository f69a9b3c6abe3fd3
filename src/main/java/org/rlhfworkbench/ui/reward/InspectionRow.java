package org.rlhfworkbench.ui.reward;

import java.util.Locale;
import org.rlhfworkbench.jobs.reward.RewardInspection;

/** One line of the inspection table: a held-out prompt, or one of its responses. */
record InspectionRow(long promptId, String text, String rank, String score, String rmRank, String pairs,
                     boolean contradicted, boolean promptRow) {

    static InspectionRow of(RewardInspection.PromptResult p) {
        return new InspectionRow(p.promptId(), oneLine(p.prompt()), "K = " + p.responses().size(), "", "",
                p.correct() + " / " + p.pairs(), p.correct() < p.pairs(), true);
    }

    static InspectionRow of(long promptId, RewardInspection.ResponseResult r) {
        return new InspectionRow(promptId, oneLine(r.text()), r.rank() == null ? "unranked" : r.rank().toString(),
                String.format(Locale.ROOT, "%.4f", r.score()), Integer.toString(r.rmRank()), "", r.contradicted(), false);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s+", " ");
    }
}
