package org.rlhfworkbench.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.rlhfworkbench.core.ModelEntry;
import org.rlhfworkbench.core.ModelKind;

/** Model checkpoints of the project (folders under models/). */
public final class ModelRepository {
    private static final String COLS = "id, name, kind, parent_id, path, run_id";
    private final Db db;

    ModelRepository(Db db) {
        this.db = db;
    }

    public long add(String name, ModelKind kind, Long parentId, String path, Long runId) {
        return db.update("INSERT INTO model(name, kind, parent_id, path, run_id) VALUES (?, ?, ?, ?, ?)",
                name, kind.dbName(), parentId, path, runId);
    }

    public ModelEntry get(long id) {
        return db.queryOne("SELECT " + COLS + " FROM model WHERE id = ?", ModelRepository::map, id);
    }

    public List<ModelEntry> all() {
        return db.query("SELECT " + COLS + " FROM model ORDER BY id", ModelRepository::map);
    }

    public void rename(long id, String name) {
        db.update("UPDATE model SET name = ? WHERE id = ?", name, id);
    }

    /** Removes the model's row; the caller checks first that nothing refers to it. */
    public void delete(long id) {
        db.update("DELETE FROM model WHERE id = ?", id);
    }

    /** How many rows of other tables (child models, generations, comparisons) refer to the model. */
    public long references(long id) {
        return db.count("SELECT (SELECT count(*) FROM model WHERE parent_id = ?)"
                + " + (SELECT count(*) FROM generation WHERE model_id = ?)"
                + " + (SELECT count(*) FROM comparison WHERE model_a = ? OR model_b = ?)", id, id, id, id);
    }

    public long count() {
        return db.count("SELECT count(*) FROM model");
    }

    private static ModelEntry map(ResultSet rs) throws SQLException {
        return new ModelEntry(rs.getLong("id"), rs.getString("name"), ModelKind.fromDb(rs.getString("kind")),
                Db.longOrNull(rs, "parent_id"), rs.getString("path"), Db.longOrNull(rs, "run_id"));
    }
}
