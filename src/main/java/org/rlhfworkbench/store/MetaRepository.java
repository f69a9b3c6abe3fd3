package org.rlhfworkbench.store;

/** Per-project settings as key/value text (name, K, rating criteria, guidelines). */
public final class MetaRepository {
    private final Db db;

    MetaRepository(Db db) {
        this.db = db;
    }

    public String get(String key) {
        return db.queryOne("SELECT value FROM project_meta WHERE key = ?", rs -> rs.getString(1), key);
    }

    public String get(String key, String fallback) {
        String v = get(key);
        return v == null ? fallback : v;
    }

    public void put(String key, String value) {
        db.update("INSERT INTO project_meta(key, value) VALUES (?, ?)"
                + " ON CONFLICT(key) DO UPDATE SET value = excluded.value", key, value);
    }

    public void delete(String key) {
        db.update("DELETE FROM project_meta WHERE key = ?", key);
    }
}
