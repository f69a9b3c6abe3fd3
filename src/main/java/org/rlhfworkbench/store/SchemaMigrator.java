package org.rlhfworkbench.store;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings project.db to the schema this build knows: applies every pending migration in one
 * transaction (all or nothing), and refuses a database written by a newer build.
 */
final class SchemaMigrator {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);

    private SchemaMigrator() {
    }

    static int currentVersion(Db db) {
        long tables = db.count("SELECT count(*) FROM sqlite_master WHERE type='table' AND name='schema_version'");
        if (tables == 0) {
            return 0;
        }
        return (int) db.count("SELECT coalesce(max(version), 0) FROM schema_version");
    }

    static void migrate(Db db, Path file, List<Migration> migrations) {
        int from = currentVersion(db);
        int latest = migrations.get(migrations.size() - 1).version();
        if (from > latest) {
            throw new ProjectException(file + " has schema version " + from
                    + ", written by a newer RLHF Workbench; this build reads up to version " + latest
                    + ". Open it with the newer version.");
        }
        if (from == latest) {
            return;
        }
        db.inTransaction(() -> {
            try (Statement st = db.connection().createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY,"
                        + " description TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')))");
                for (Migration m : migrations) {
                    if (m.version() <= from) {
                        continue;
                    }
                    for (String sql : m.statements()) {
                        st.execute(sql);
                    }
                    db.update("INSERT INTO schema_version(version, description) VALUES (?, ?)",
                            m.version(), m.description());
                }
            } catch (SQLException e) {
                throw new ProjectException("Migrating " + file + " from schema " + from + " to " + latest
                        + " failed: " + e.getMessage() + ". Nothing was changed.", e);
            }
            return null;
        });
        LOG.info("Migrated {} from schema {} to {}", file, from, latest);
    }
}
