package org.rlhfworkbench.store;

import java.util.List;
import org.rlhfworkbench.core.Comparison;
import org.rlhfworkbench.core.Winner;

/** Blind A/B judgements between two models. */
public final class ComparisonRepository {
    private final Db db;

    ComparisonRepository(Db db) {
        this.db = db;
    }

    public long add(Comparison c) {
        return db.update("INSERT INTO comparison(prompt_id, model_a, model_b, generation_a, generation_b, swapped,"
                        + " winner, annotator) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                c.promptId(), c.modelA(), c.modelB(), c.generationA(), c.generationB(), c.swapped() ? 1 : 0,
                c.winner().dbName(), c.annotator());
    }

    public List<Comparison> all() {
        return db.query("SELECT id, prompt_id, model_a, model_b, generation_a, generation_b, swapped, winner,"
                        + " annotator FROM comparison ORDER BY id",
                rs -> new Comparison(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getInt(7) != 0, Winner.fromDb(rs.getString(8)), rs.getString(9)));
    }

    public long count() {
        return db.count("SELECT count(*) FROM comparison");
    }
}
