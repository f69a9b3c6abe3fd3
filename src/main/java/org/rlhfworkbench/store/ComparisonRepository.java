package org.rlhfworkbench.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rlhfworkbench.core.Comparison;
import org.rlhfworkbench.core.Ranking;
import org.rlhfworkbench.core.RankingEntry;
import org.rlhfworkbench.core.RankingStatus;
import org.rlhfworkbench.core.Winner;

/**
 * Blind A/B judgements between two models. A vote (head and per-criterion verdicts) is one
 * transaction; undo removes it and the preference pair made from it, also in one transaction.
 */
public final class ComparisonRepository {
    /** The note that marks a ranking made from an arena vote ({@link #toPreference}). */
    public static final String PREFERENCE_NOTE = "from arena comparison ";
    private static final String COLS = "id, prompt_id, model_a, model_b, generation_a, generation_b, swapped, winner,"
            + " annotator, reason";
    private final Db db;
    private final RankingRepository rankings;

    ComparisonRepository(Db db, RankingRepository rankings) {
        this.db = db;
        this.rankings = rankings;
    }

    /** Stores a vote with its per-criterion verdicts, atomically; returns its id. */
    public long add(Comparison c) {
        return db.inTransaction(() -> {
            long id = db.update("INSERT INTO comparison(prompt_id, model_a, model_b, generation_a, generation_b, swapped,"
                            + " winner, annotator, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    c.promptId(), c.modelA(), c.modelB(), c.generationA(), c.generationB(), c.swapped() ? 1 : 0,
                    c.winner().dbName(), c.annotator(), c.reason());
            for (Map.Entry<String, Winner> e : c.criteria().entrySet()) {
                db.update("INSERT INTO comparison_criterion(comparison_id, criterion, winner) VALUES (?, ?, ?)",
                        id, e.getKey(), e.getValue().dbName());
            }
            return id;
        });
    }

    /** Undoes a vote: the row, its verdicts and a preference pair made from it, in one transaction. */
    public void delete(long id) {
        db.inTransaction(() -> {
            Long ranking = rankingId(id);
            db.update("DELETE FROM comparison WHERE id = ?", id);
            if (ranking != null) {
                rankings.delete(ranking);
            }
            return null;
        });
    }

    public Comparison get(long id) {
        Comparison head = db.queryOne("SELECT " + COLS + " FROM comparison WHERE id = ?", ComparisonRepository::map, id);
        return head == null ? null : withCriteria(head, criteria(id));
    }

    public List<Comparison> all() {
        Map<Long, Map<String, Winner>> verdicts = new HashMap<>();
        db.query("SELECT comparison_id, criterion, winner FROM comparison_criterion", rs -> {
            verdicts.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), Winner.fromDb(rs.getString(3)));
            return null;
        });
        return db.query("SELECT " + COLS + " FROM comparison ORDER BY id", ComparisonRepository::map).stream()
                .map(c -> withCriteria(c, verdicts.getOrDefault(c.id(), Map.of()))).toList();
    }

    /** Whether the pair of models (either way round) was already judged on this prompt by this annotator. */
    public boolean judged(long promptId, long modelX, long modelY, String annotator) {
        return db.count("SELECT count(*) FROM comparison WHERE prompt_id = ? AND annotator = ?"
                + " AND ((model_a = ? AND model_b = ?) OR (model_a = ? AND model_b = ?))",
                promptId, annotator, modelX, modelY, modelY, modelX) > 0;
    }

    /** The ranking made from this vote, or null. */
    public Long rankingId(long id) {
        return db.queryOne("SELECT ranking_id FROM comparison WHERE id = ?", rs -> Db.longOrNull(rs, "ranking_id"), id);
    }

    /**
     * Opt-in: turns a decisive vote (A or B better) into a two-answer ranking for the reward model,
     * marked with the note {@value #PREFERENCE_NOTE}ID and the vote's annotator (a simulated vote
     * stays simulated). Ties, both-bad votes and votes already turned give nothing.
     */
    public Optional<Long> toPreference(long id) {
        return db.inTransaction(() -> {
            Comparison c = get(id);
            if (c == null || rankingId(id) != null || (c.winner() != Winner.A && c.winner() != Winner.B)) {
                return Optional.<Long>empty();
            }
            boolean aWins = c.winner() == Winner.A;
            List<Long> shown = c.swapped() ? List.of(c.generationB(), c.generationA())
                    : List.of(c.generationA(), c.generationB());
            Ranking r = new Ranking(0, c.promptId(), RankingStatus.RANKED, PREFERENCE_NOTE + id, c.annotator(),
                    List.of(new RankingEntry(c.generationA(), aWins ? 1 : 2), new RankingEntry(c.generationB(), aWins ? 2 : 1)),
                    shown);
            long rankingId = rankings.add(r);
            db.update("UPDATE comparison SET ranking_id = ? WHERE id = ?", rankingId, id);
            return Optional.of(rankingId);
        });
    }

    public long count() {
        return db.count("SELECT count(*) FROM comparison");
    }

    private Map<String, Winner> criteria(long id) {
        Map<String, Winner> out = new HashMap<>();
        db.query("SELECT criterion, winner FROM comparison_criterion WHERE comparison_id = ?", rs -> {
            out.put(rs.getString(1), Winner.fromDb(rs.getString(2)));
            return null;
        }, id);
        return out;
    }

    private static Comparison withCriteria(Comparison c, Map<String, Winner> criteria) {
        return new Comparison(c.id(), c.promptId(), c.modelA(), c.modelB(), c.generationA(), c.generationB(), c.swapped(),
                c.winner(), c.annotator(), c.reason(), criteria);
    }

    private static Comparison map(ResultSet rs) throws SQLException {
        return new Comparison(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                rs.getInt(7) != 0, Winner.fromDb(rs.getString(8)), rs.getString(9), rs.getString(10), Map.of());
    }
}
