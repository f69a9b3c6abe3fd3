package org.rlhfworkbench.ui.evaluate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rlhfworkbench.core.ModelEntry;
import org.rlhfworkbench.core.ModelKind;
import org.rlhfworkbench.core.Winner;
import org.rlhfworkbench.jobs.eval.ArenaBackend;
import org.rlhfworkbench.jobs.eval.ArenaPair;
import org.rlhfworkbench.jobs.eval.ArenaProgress;
import org.rlhfworkbench.jobs.eval.ArenaResults;
import org.rlhfworkbench.jobs.eval.ArenaService;
import org.rlhfworkbench.jobs.eval.ArenaSetup;
import org.rlhfworkbench.jobs.eval.ArenaTally;
import org.rlhfworkbench.jobs.eval.Side;
import org.rlhfworkbench.jobs.label.LiveResponse;

/**
 * An arena backend without models or database: {@code n} pairs of models 1 ("alpha") and 2
 * ("beta") with finished answers; pair i is swapped when i is odd. Votes are kept in memory in
 * A/B terms and tallied with the real maths.
 */
final class FakeArena implements ArenaBackend, ArenaService {
    record Stored(long id, long key, Winner winner, Map<String, Winner> criteria, String reason) {
    }

    final int n;
    final List<Stored> stored = new ArrayList<>();
    final List<Long> skipped = new ArrayList<>();
    private final Map<Long, Boolean> swapped = new HashMap<>();
    private int cursor;
    private long nextId = 1;
    ArenaSetup openedWith;

    FakeArena(int n) {
        this.n = n;
    }

    static boolean swapped(long key) {
        return key % 2 == 1;
    }

    /** What the left answer of pair {@code key} says: which model wrote it. */
    static String leftText(long key) {
        return "answer of " + (swapped(key) ? "beta" : "alpha") + " to prompt " + key;
    }

    @Override
    public synchronized List<ModelEntry> models() {
        return List.of(new ModelEntry(1, "alpha", ModelKind.SFT, null, "models/1", null),
                new ModelEntry(2, "beta", ModelKind.POLICY, 1L, "models/2", null),
                new ModelEntry(3, "judge", ModelKind.REWARD, 1L, "models/3", null));
    }

    @Override
    public synchronized ArenaService open(ArenaSetup setup) {
        openedWith = setup;
        return this;
    }

    @Override
    public List<String> criteria() {
        return List.of("helpfulness", "harmlessness", "honesty");
    }

    @Override
    public synchronized Optional<ArenaPair> next() {
        if (cursor >= n) {
            return Optional.empty();
        }
        long key = cursor++;
        swapped.put(key, swapped(key));
        String right = "answer of " + (swapped(key) ? "alpha" : "beta") + " to prompt " + key;
        return Optional.of(new ArenaPair(key, 100 + key, "Prompt " + key + "?",
                LiveResponse.completed(0, leftText(key), 1000 + 2 * key, 3), LiveResponse.completed(1, right, 1001 + 2 * key, 3)));
    }

    @Override
    public synchronized long vote(long pairKey, Side verdict, Map<String, Side> criteria, String reason) {
        boolean s = swapped.get(pairKey);
        Map<String, Winner> c = new HashMap<>();
        criteria.forEach((k, v) -> c.put(k, v.toWinner(s)));
        Stored row = new Stored(nextId++, pairKey, verdict.toWinner(s), c, reason);
        stored.add(row);
        return row.id();
    }

    @Override
    public synchronized void skip(long pairKey) {
        skipped.add(pairKey);
    }

    @Override
    public synchronized void undo(long comparisonId) {
        stored.removeIf(r -> r.id() == comparisonId);
    }

    @Override
    public synchronized ArenaResults results() {
        List<ArenaTally.Vote> votes = stored.stream().map(r -> new ArenaTally.Vote(1, 2, r.winner())).toList();
        return new ArenaResults("human votes", votes.size(), votes.size(), 0,
                ArenaTally.pairs(votes, id -> id == 1 ? "alpha" : "beta"), ArenaTally.ranking(votes, id -> id == 1 ? "alpha" : "beta"),
                Map.of(), List.of(), List.of());
    }

    @Override
    public ArenaProgress progress() {
        return new ArenaProgress(stored.size(), n, stored.size());
    }

    @Override
    public int export(Path file) {
        return stored.size();
    }

    @Override
    public int toPreferences() {
        return 0;
    }

    @Override
    public void close() {
    }
}
