package org.rlhfworkbench.jobs.eval;

import java.util.List;
import java.util.Map;
import org.rlhfworkbench.core.Winner;

/**
 * What the arena's votes say, with model names revealed: win rate of each pair (ties and
 * both-bad count half; 95% Wilson interval), a Bradley-Terry ranking with 95% intervals,
 * per-criterion tables, every vote, and how automatic judges (reward model, rubric) voted on the
 * same pairs and how often they agree with the people.
 *
 * @param basis which votes the tables count: "human votes", or "simulated votes" when there are no human ones
 */
public record ArenaResults(String basis, int votes, int humanVotes, int simulatedVotes, List<PairRow> pairs, List<RankRow> ranking,
                           Map<String, List<PairRow>> criteria, List<VoteRow> voteRows, List<JudgeRow> judges) {

    /** How ties are counted and which interval is shown, for every view that prints the figures. */
    public static final String METHOD = "win rate of the first model, ties and both-bad count half;"
            + " 95% Wilson score interval; ranking: Bradley-Terry (Newton, ridge 0.01), Elo scale, 95% normal interval";

    /**
     * @param winRateA (wins of A + half the ties and both-bad) / votes
     */
    public record PairRow(String modelA, String modelB, int votes, int winsA, int winsB, int ties, int bothBad,
                          double winRateA, Interval interval) {
    }

    /** @param elo 1000 + 400·θ/ln 10 of the Bradley-Terry strength θ */
    public record RankRow(int rank, String model, double elo, Interval eloInterval, int votes) {
    }

    /** One vote, names revealed; {@code left} is the model whose answer was shown on the left. */
    public record VoteRow(long comparisonId, String prompt, String modelA, String modelB, String answerA, String answerB,
                          Winner winner, String annotator, String reason, String left) {
    }

    /**
     * @param judged votes the judge could judge
     * @param compared decisive people's votes the judge also called decisively
     * @param agreed of those, how many it called the same way
     * @param pairs the judge's own win-rate table on the same pairs
     */
    public record JudgeRow(String judge, int judged, int compared, int agreed, Interval agreementInterval,
                           List<PairRow> pairs) {
        public double agreement() {
            return compared == 0 ? Double.NaN : (double) agreed / compared;
        }
    }

    public static ArenaResults empty() {
        return new ArenaResults("no votes yet", 0, 0, 0, List.of(), List.of(), Map.of(), List.of(), List.of());
    }
}
