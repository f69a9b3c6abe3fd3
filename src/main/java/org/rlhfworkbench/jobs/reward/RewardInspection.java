package org.rlhfworkbench.jobs.reward;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rlhfworkbench.train.reward.RankedGroup;

/**
 * What a reward model makes of held-out rankings: per prompt, each response's human rank and
 * score (and whether the model contradicts the human order on it); pairwise accuracy overall, by
 * K, by ranking position and by rank gap; and every pair's margin r_w - r_l.
 *
 * <p>Pairs are those the reward model trains on ({@link RankedGroup#pairs()}): ties give none,
 * unranked responses sit below ranked ones. A pair is correct when r_w &gt; r_l, as in RewardEval.
 */
public record RewardInspection(List<PromptResult> prompts, Accuracy overall, List<Accuracy> byK,
                               List<Accuracy> byPosition, List<Accuracy> byGap, double[] margins) {

    /** Correct pairs out of pairs in one group (e.g. "K = 4", "rank 1", "gap 2"). */
    public record Accuracy(String group, int correct, int pairs) {
        public double value() {
            return pairs == 0 ? Double.NaN : (double) correct / pairs;
        }
    }

    /** One response: rmRank is 1 for the highest score; contradicted when a pair with it is misordered. */
    public record ResponseResult(long generationId, String text, Integer rank, double score, int rmRank,
                                 boolean contradicted) {
    }

    public record PromptResult(long promptId, String prompt, List<ResponseResult> responses, int correct, int pairs) {
    }

    public static RewardInspection of(List<ScoredGroup> groups) {
        List<PromptResult> prompts = new ArrayList<>();
        Tally overall = new Tally();
        Map<Integer, Tally> byK = new TreeMap<>();
        Map<Integer, Tally> byPosition = new TreeMap<>();  // Integer.MAX_VALUE = unranked
        Map<Integer, Tally> byGap = new TreeMap<>();
        List<Double> margins = new ArrayList<>();
        for (ScoredGroup g : groups) {
            double[] r = g.scores();
            boolean[] contradicted = new boolean[r.length];
            Tally prompt = new Tally();
            for (int[] p : pairsOf(g)) {
                double margin = r[p[0]] - r[p[1]];
                boolean ok = margin > 0;
                margins.add(margin);
                Integer rw = g.ranks().get(p[0]);
                Integer rl = g.ranks().get(p[1]);
                prompt.add(ok);
                overall.add(ok);
                byK.computeIfAbsent(r.length, k -> new Tally()).add(ok);
                byPosition.computeIfAbsent(rw, k -> new Tally()).add(ok);
                byPosition.computeIfAbsent(rl == null ? Integer.MAX_VALUE : rl, k -> new Tally()).add(ok);
                byGap.computeIfAbsent(rl == null ? Integer.MAX_VALUE : rl - rw, k -> new Tally()).add(ok);
                if (!ok) {
                    contradicted[p[0]] = true;
                    contradicted[p[1]] = true;
                }
            }
            List<ResponseResult> responses = new ArrayList<>();
            for (int i = 0; i < r.length; i++) {
                responses.add(new ResponseResult(g.generationIds().get(i), g.responses().get(i), g.ranks().get(i), r[i],
                        rmRank(r, i), contradicted[i]));
            }
            prompts.add(new PromptResult(g.promptId(), g.prompt(), responses, prompt.correct, prompt.pairs));
        }
        return new RewardInspection(prompts, overall.as("all pairs"), rows(byK, "K = %d", null),
                rows(byPosition, "pairs with rank %d", "pairs with an unranked response"),
                rows(byGap, "rank gap %d", "ranked vs unranked"),
                margins.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Mean RM score over every held-out response (NaN when there are none). */
    public double scoreMean() {
        return prompts.stream().flatMap(p -> p.responses().stream()).mapToDouble(ResponseResult::score).average()
                .orElse(Double.NaN);
    }

    /** Population standard deviation of the held-out responses' scores. */
    public double scoreStd() {
        double m = scoreMean();
        return Math.sqrt(prompts.stream().flatMap(p -> p.responses().stream())
                .mapToDouble(r -> (r.score() - m) * (r.score() - m)).average().orElse(Double.NaN));
    }

    /** Ordered (winner, loser) index pairs, by the same rule the reward model trains on. */
    static List<int[]> pairsOf(ScoredGroup g) {
        return new RankedGroup(g.promptId(), new int[0], List.of(), g.ranks(), null).pairs();
    }

    /** 1 + the number of responses scored strictly higher. */
    private static int rmRank(double[] r, int i) {
        int above = 0;
        for (double x : r) {
            above += x > r[i] ? 1 : 0;
        }
        return above + 1;
    }

    private static List<Accuracy> rows(Map<Integer, Tally> groups, String format, String unrankedLabel) {
        List<Accuracy> out = new ArrayList<>();
        groups.forEach((key, tally) -> out.add(tally.as(key == Integer.MAX_VALUE ? unrankedLabel
                : String.format(format, key))));
        return out;
    }

    private static final class Tally {
        int correct;
        int pairs;

        void add(boolean ok) {
            pairs++;
            correct += ok ? 1 : 0;
        }

        Accuracy as(String label) {
            return new Accuracy(label, correct, pairs);
        }
    }
}
