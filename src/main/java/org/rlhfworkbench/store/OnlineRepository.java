package org.rlhfworkbench.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.rlhfworkbench.core.Generation;

/**
 * Online DPO rounds in the project: each round's sampled responses (generation rows tagged with
 * run and 1-based iteration, source {@value #SOURCE}), their reward-model scores, and the pair the
 * round trained on per prompt. The labeling view can open a round to relabel it by hand.
 */
public final class OnlineRepository {
    public static final String SOURCE = "online-dpo";
    private static final String COLS = "id, prompt_id, text, token_count, model_id, source, score, sampling_json";

    /** A stored round: how many prompts and responses it has. */
    public record Round(long runId, int iteration, int prompts, int responses) {
    }

    /** The pair kept for one prompt of a round. */
    public record Pair(long promptId, long chosenId, long rejectedId, String rule) {
    }

    private final Db db;

    OnlineRepository(Db db) {
        this.db = db;
    }

    public long addGeneration(Generation g, long runId, int iteration) {
        return db.update("INSERT INTO generation(prompt_id, text, token_count, model_id, source, score, sampling_json,"
                        + " run_id, iteration) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", g.promptId(), g.text(), g.tokenCount(),
                g.modelId(), SOURCE, g.score(), g.samplingJson(), runId, iteration);
    }

    public void addScore(long generationId, String scorer, double value) {
        db.update("INSERT OR REPLACE INTO generation_score(generation_id, scorer, value) VALUES (?, ?, ?)",
                generationId, scorer, value);
    }

    public Double score(long generationId, String scorer) {
        return db.queryOne("SELECT value FROM generation_score WHERE generation_id = ? AND scorer = ?",
                rs -> rs.getDouble(1), generationId, scorer);
    }

    public void addPair(long runId, int iteration, Pair p) {
        db.update("INSERT OR REPLACE INTO online_pair(run_id, iteration, prompt_id, chosen_id, rejected_id, rule)"
                + " VALUES (?, ?, ?, ?, ?, ?)", runId, iteration, p.promptId(), p.chosenId(), p.rejectedId(), p.rule());
    }

    public boolean hasRound(long runId, int iteration) {
        return db.count("SELECT count(*) FROM generation WHERE run_id = ? AND iteration = ?", runId, iteration) > 0;
    }

    public List<Round> rounds() {
        return db.query("SELECT run_id, iteration, count(DISTINCT prompt_id), count(*) FROM generation"
                + " WHERE run_id IS NOT NULL AND iteration IS NOT NULL GROUP BY run_id, iteration ORDER BY run_id, iteration",
                rs -> new Round(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)));
    }

    /** A round's responses to one prompt, in sampling order. */
    public List<Generation> generations(long runId, int iteration, long promptId) {
        return db.query("SELECT " + COLS + " FROM generation WHERE run_id = ? AND iteration = ? AND prompt_id = ?"
                + " ORDER BY id", OnlineRepository::map, runId, iteration, promptId);
    }

    public List<Pair> pairs(long runId, int iteration) {
        return db.query("SELECT prompt_id, chosen_id, rejected_id, rule FROM online_pair WHERE run_id = ? AND iteration = ?"
                + " ORDER BY prompt_id", rs -> new Pair(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)),
                runId, iteration);
    }

    /** Prompts of a round whose responses no ranking covers yet (what is left to relabel). */
    public List<Long> promptsToLabel(long runId, int iteration, int limit) {
        return db.query("SELECT DISTINCT g.prompt_id FROM generation g WHERE g.run_id = ? AND g.iteration = ?"
                + " AND NOT EXISTS (SELECT 1 FROM ranking_entry e JOIN generation h ON h.id = e.generation_id"
                + " WHERE h.run_id = g.run_id AND h.iteration = g.iteration AND h.prompt_id = g.prompt_id)"
                + " ORDER BY g.prompt_id LIMIT ?", rs -> rs.getLong(1), runId, iteration, limit);
    }

    private static Generation map(ResultSet rs) throws SQLException {
        return new Generation(rs.getLong("id"), rs.getLong("prompt_id"), rs.getString("text"),
                Db.intOrNull(rs, "token_count"), Db.longOrNull(rs, "model_id"), rs.getString("source"),
                Db.doubleOrNull(rs, "score"), rs.getString("sampling_json"));
    }
}
