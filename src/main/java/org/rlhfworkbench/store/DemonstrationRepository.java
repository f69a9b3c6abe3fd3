package org.rlhfworkbench.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.rlhfworkbench.core.Demonstration;
import org.rlhfworkbench.core.DemonstrationSource;

/** SFT demonstrations: written answers, corrections of generated ones, imported examples. */
public final class DemonstrationRepository {
    private static final String COLS = "id, prompt_id, text, source, generation_id";
    private final Db db;

    DemonstrationRepository(Db db) {
        this.db = db;
    }

    public long add(long promptId, String text, DemonstrationSource source, Long generationId) {
        return db.update("INSERT INTO demonstration(prompt_id, text, source, generation_id) VALUES (?, ?, ?, ?)",
                promptId, text, source.dbName(), generationId);
    }

    /** Adds a demonstration written by a labeling decision; deleting that ranking deletes it too. */
    public long add(long promptId, String text, DemonstrationSource source, Long generationId, Long rankingId) {
        return db.update("INSERT INTO demonstration(prompt_id, text, source, generation_id, ranking_id)"
                + " VALUES (?, ?, ?, ?, ?)", promptId, text, source.dbName(), generationId, rankingId);
    }

    /** The demonstrations a labeling decision wrote (corrections, written answer), in insertion order. */
    public List<Demonstration> forRanking(long rankingId) {
        return db.query("SELECT " + COLS + " FROM demonstration WHERE ranking_id = ? ORDER BY id",
                DemonstrationRepository::map, rankingId);
    }

    public List<Demonstration> all() {
        return db.query("SELECT " + COLS + " FROM demonstration ORDER BY id", DemonstrationRepository::map);
    }

    public List<Demonstration> forPrompt(long promptId) {
        return db.query("SELECT " + COLS + " FROM demonstration WHERE prompt_id = ? ORDER BY id",
                DemonstrationRepository::map, promptId);
    }

    public long count() {
        return db.count("SELECT count(*) FROM demonstration");
    }

    private static Demonstration map(ResultSet rs) throws SQLException {
        return new Demonstration(rs.getLong("id"), rs.getLong("prompt_id"), rs.getString("text"),
                DemonstrationSource.fromDb(rs.getString("source")), Db.longOrNull(rs, "generation_id"));
    }
}
