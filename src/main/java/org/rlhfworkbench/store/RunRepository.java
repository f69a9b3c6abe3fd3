package org.rlhfworkbench.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.rlhfworkbench.core.RunRecord;
import org.rlhfworkbench.core.RunStatus;

/** Job runs: kind, config JSON with its seed, status and timestamps. */
public final class RunRepository {
    private static final String COLS = "id, kind, config_json, seed, status, started_at, finished_at, error";
    private final Db db;

    RunRepository(Db db) {
        this.db = db;
    }

    public long add(String kind, String configJson, long seed) {
        return db.update("INSERT INTO run(kind, config_json, seed, status) VALUES (?, ?, ?, 'queued')",
                kind, configJson, seed);
    }

    /** Moves a run to a new state; RUNNING stamps the start, a final state stamps the end. */
    public void setStatus(long id, RunStatus status, String error) {
        String now = Instant.now().toString();
        boolean finished = status == RunStatus.DONE || status == RunStatus.FAILED || status == RunStatus.CANCELLED;
        db.update("UPDATE run SET status = ?, error = ?,"
                        + " started_at = CASE WHEN ? AND started_at IS NULL THEN ? ELSE started_at END,"
                        + " finished_at = CASE WHEN ? THEN ? ELSE finished_at END WHERE id = ?",
                status.dbName(), error, status == RunStatus.RUNNING, now, finished, now, id);
    }

    public RunRecord get(long id) {
        return db.queryOne("SELECT " + COLS + " FROM run WHERE id = ?", RunRepository::map, id);
    }

    public List<RunRecord> all() {
        return db.query("SELECT " + COLS + " FROM run ORDER BY id", RunRepository::map);
    }

    public long count() {
        return db.count("SELECT count(*) FROM run");
    }

    private static RunRecord map(ResultSet rs) throws SQLException {
        String started = rs.getString("started_at");
        String finished = rs.getString("finished_at");
        return new RunRecord(rs.getLong("id"), rs.getString("kind"), rs.getString("config_json"), rs.getLong("seed"),
                RunStatus.fromDb(rs.getString("status")), started == null ? null : Instant.parse(started),
                finished == null ? null : Instant.parse(finished), rs.getString("error"));
    }
}
