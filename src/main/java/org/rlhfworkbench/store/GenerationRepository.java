package org.rlhfworkbench.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.rlhfworkbench.core.Generation;

/** Responses to prompts: sampled, imported or corrected. */
public final class GenerationRepository {
    private static final String COLS = "id, prompt_id, text, token_count, model_id, source, score, sampling_json";
    private final Db db;

    GenerationRepository(Db db) {
        this.db = db;
    }

    /** Adds a response; {@code g.id()} is ignored and the new id returned. */
    public long add(Generation g) {
        return db.update("INSERT INTO generation(prompt_id, text, token_count, model_id, source, score, sampling_json)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                g.promptId(), g.text(), g.tokenCount(), g.modelId(), g.source(), g.score(), g.samplingJson());
    }

    public long addImported(long promptId, String text, Double score) {
        return add(new Generation(0, promptId, text, null, null, "import", score, null));
    }

    public Generation get(long id) {
        return db.queryOne("SELECT " + COLS + " FROM generation WHERE id = ?", GenerationRepository::map, id);
    }

    public List<Generation> forPrompt(long promptId) {
        return db.query("SELECT " + COLS + " FROM generation WHERE prompt_id = ? ORDER BY id",
                GenerationRepository::map, promptId);
    }

    public long count() {
        return db.count("SELECT count(*) FROM generation");
    }

    private static Generation map(ResultSet rs) throws SQLException {
        return new Generation(rs.getLong("id"), rs.getLong("prompt_id"), rs.getString("text"),
                Db.intOrNull(rs, "token_count"), Db.longOrNull(rs, "model_id"), rs.getString("source"),
                Db.doubleOrNull(rs, "score"), rs.getString("sampling_json"));
    }
}
