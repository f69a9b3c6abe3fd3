package org.rlhfworkbench.jobs.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;
import org.rlhfworkbench.core.Winner;
import org.rlhfworkbench.jobs.eval.ArenaResults.PairRow;
import org.rlhfworkbench.jobs.eval.ArenaResults.RankRow;

/** The arena's maths on plain outcomes: pair win rates and the Bradley-Terry ranking. No store, no UI. */
public final class ArenaTally {
    /** One verdict between model {@code a} and model {@code b}. */
    public record Vote(long a, long b, Winner winner) {
    }

    private ArenaTally() {
    }

    /** Score of model a in a vote: 1, 0 or 1/2 for a tie or both bad. */
    static double scoreA(Winner w) {
        return switch (w) {
            case A -> 1;
            case B -> 0;
            case TIE, BOTH_BAD -> 0.5;
        };
    }

    /** One row per pair of models (lower id first), in id order. */
    public static List<PairRow> pairs(List<Vote> votes, LongFunction<String> names) {
        Map<String, long[]> keys = new TreeMap<>();
        Map<String, int[]> counts = new LinkedHashMap<>();   // winsA, winsB, ties, bothBad
        for (Vote v : votes) {
            boolean flip = v.a() > v.b();
            long a = flip ? v.b() : v.a();
            long b = flip ? v.a() : v.b();
            String key = String.format("%020d-%020d", a, b);
            keys.put(key, new long[] {a, b});
            int[] c = counts.computeIfAbsent(key, k -> new int[4]);
            Winner w = flip ? flip(v.winner()) : v.winner();
            c[switch (w) { case A -> 0; case B -> 1; case TIE -> 2; case BOTH_BAD -> 3; }]++;
        }
        List<PairRow> rows = new ArrayList<>();
        for (Map.Entry<String, long[]> e : keys.entrySet()) {
            int[] c = counts.get(e.getKey());
            int n = c[0] + c[1] + c[2] + c[3];
            double wins = c[0] + 0.5 * (c[2] + c[3]);
            rows.add(new PairRow(names.apply(e.getValue()[0]), names.apply(e.getValue()[1]), n, c[0], c[1], c[2], c[3],
                    wins / n, Interval.wilson(wins, n)));
        }
        return rows;
    }

    /** Bradley-Terry ranking of every model that has a vote, strongest first. */
    public static List<RankRow> ranking(List<Vote> votes, LongFunction<String> names) {
        List<Long> ids = new ArrayList<>();
        Map<Long, Integer> count = new TreeMap<>();
        for (Vote v : votes) {
            for (long m : new long[] {v.a(), v.b()}) {
                if (!ids.contains(m)) {
                    ids.add(m);
                }
                count.merge(m, 1, Integer::sum);
            }
        }
        ids.sort(Comparator.naturalOrder());
        if (ids.size() < 2) {
            return List.of();
        }
        List<BradleyTerry.Outcome> outcomes = votes.stream()
                .map(v -> new BradleyTerry.Outcome(ids.indexOf(v.a()), ids.indexOf(v.b()), scoreA(v.winner()))).toList();
        BradleyTerry.Fit fit = BradleyTerry.fit(ids.size(), outcomes);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -fit.theta()[i]));
        List<RankRow> rows = new ArrayList<>();
        for (int r = 0; r < order.size(); r++) {
            int i = order.get(r);
            Interval t = fit.interval(i);
            rows.add(new RankRow(r + 1, names.apply(ids.get(i)), BradleyTerry.Fit.elo(fit.theta()[i]),
                    new Interval(BradleyTerry.Fit.elo(t.lo()), BradleyTerry.Fit.elo(t.hi())), count.get(ids.get(i))));
        }
        return rows;
    }

    static Winner flip(Winner w) {
        return switch (w) {
            case A -> Winner.B;
            case B -> Winner.A;
            default -> w;
        };
    }
}
