package org.rlhfworkbench.store;

import java.util.List;
import org.rlhfworkbench.core.MetricPoint;

/**
 * Metric points of runs; a batch of points is one transaction. One row per (run, name, step):
 * writing a point again (the steps a resumed run repeats after its checkpoint) replaces its value.
 */
public final class MetricRepository {
    private final Db db;

    MetricRepository(Db db) {
        this.db = db;
    }

    public void add(long runId, List<MetricPoint> points) {
        db.inTransaction(() -> {
            for (MetricPoint p : points) {
                db.update("INSERT INTO metric(run_id, step, name, value) VALUES (?, ?, ?, ?)"
                                + " ON CONFLICT(run_id, name, step) DO UPDATE SET value = excluded.value",
                        runId, p.step(), p.name(), p.value());
            }
            return null;
        });
    }

    public List<MetricPoint> forRun(long runId) {
        return db.query("SELECT step, name, value FROM metric WHERE run_id = ? ORDER BY step, rowid",
                rs -> new MetricPoint(rs.getLong(1), rs.getString(2), rs.getDouble(3)), runId);
    }

    public List<MetricPoint> series(long runId, String name) {
        return db.query("SELECT step, name, value FROM metric WHERE run_id = ? AND name = ? ORDER BY step",
                rs -> new MetricPoint(rs.getLong(1), rs.getString(2), rs.getDouble(3)), runId, name);
    }
}
