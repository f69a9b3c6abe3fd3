package org.rlhfworkbench.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rlhfworkbench.jobs.eval.ArenaResults;
import org.rlhfworkbench.jobs.eval.ArenaResults.PairRow;

/** The arena results as plain text tables. */
final class ArenaText {
    private ArenaText() {
    }

    static void print(PrintWriter out, ArenaResults r) {
        out.printf(Locale.ROOT, "%d votes (%d human, %d simulated); tables count %s%n", r.votes(), r.humanVotes(),
                r.simulatedVotes(), r.basis());
        out.println("method: " + ArenaResults.METHOD);
        out.println();
        out.println("pairs");
        pairs(out, r.pairs());
        if (r.ranking().size() >= 2) {
            out.println();
            out.println("Bradley-Terry ranking");
            out.printf("  %-4s %-24s %7s  %-17s %6s%n", "rank", "model", "elo", "95% interval", "votes");
            for (ArenaResults.RankRow row : r.ranking()) {
                out.printf(Locale.ROOT, "  %-4d %-24s %7.0f  [%6.0f, %6.0f] %6d%n", row.rank(), row.model(), row.elo(),
                        row.eloInterval().lo(), row.eloInterval().hi(), row.votes());
            }
        }
        for (Map.Entry<String, List<PairRow>> e : r.criteria().entrySet()) {
            out.println();
            out.println("criterion " + e.getKey());
            pairs(out, e.getValue());
        }
        for (ArenaResults.JudgeRow j : r.judges()) {
            out.println();
            out.printf(Locale.ROOT, "judged by %s: %d pairs; agrees with the votes on %d of %d decisive ones (%s)%n",
                    j.judge(), j.judged(), j.agreed(), j.compared(),
                    j.compared() == 0 ? "n/a" : String.format(Locale.ROOT, "%.0f%%, 95%% [%.0f%%, %.0f%%]", 100 * j.agreement(),
                            100 * j.agreementInterval().lo(), 100 * j.agreementInterval().hi()));
            pairs(out, j.pairs());
        }
    }

    private static void pairs(PrintWriter out, List<PairRow> rows) {
        out.printf("  %-20s %-20s %5s %5s %5s %5s %5s  %-9s %s%n", "model A", "model B", "votes", "A", "B", "tie", "bad",
                "A win", "95% Wilson");
        for (PairRow p : rows) {
            out.printf(Locale.ROOT, "  %-20s %-20s %5d %5d %5d %5d %5d  %-9.3f [%.3f, %.3f]%n", p.modelA(), p.modelB(),
                    p.votes(), p.winsA(), p.winsB(), p.ties(), p.bothBad(), p.winRateA(), p.interval().lo(),
                    p.interval().hi());
        }
    }
}
