package org.rlhfworkbench.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import org.sqlite.SQLiteConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opening project.db without writing to it: the check that a file is a workbench project at all,
 * and read-only connections for commands that only read. A WAL database in a folder this process
 * cannot write (no -shm file can be made) is opened as immutable: nobody can change it from here.
 */
final class ReadOnlyOpen {
    private static final Logger LOG = LoggerFactory.getLogger(ReadOnlyOpen.class);
    private static final int SQLITE_BUSY = 5;

    private ReadOnlyOpen() {
    }

    /** Refuses an empty file or an SQLite database without the workbench's schema_version table. */
    static void checkIsWorkbench(Db db, Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new ProjectException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        if (size == 0) {
            throw new ProjectException(file + " is empty (0 bytes), not an RLHF Workbench project; nothing was"
                    + " changed. Create a project with 'rlhf project new' in an empty folder.");
        }
        if (db.count("SELECT count(*) FROM sqlite_master WHERE type='table' AND name='schema_version'") == 0) {
            throw new ProjectException(file + " is an SQLite database of another program (no schema_version"
                    + " table), not an RLHF Workbench project; nothing was changed.");
        }
    }

    /**
     * A read-only project over {@code file}, made by {@code make} from the checked connection; null
     * when its schema is older than this build's and the file is writable (open it to migrate).
     */
    static <T> T open(Path dir, Path file, Function<Db, T> make) {
        Connection conn = null;
        try {
            conn = connect(file, false);
            Db db = new Db(conn, file.toString());
            try {
                checkIsWorkbench(db, file);
            } catch (ProjectException e) {
                if (Files.isWritable(dir) || !(e.getCause() instanceof SQLException)) {
                    throw e;
                }
                conn.close();
                LOG.info("{}: the folder is read-only, opening the database as immutable", file);
                conn = connect(file, true);
                db = new Db(conn, file.toString());
                checkIsWorkbench(db, file);
            }
            int version = SchemaMigrator.currentVersion(db);
            if (version < Migrations.latest() && Files.isWritable(file)) {
                conn.close();
                return null;  // an older schema the caller migrates by opening it for writing
            }
            if (version != Migrations.latest()) {
                throw new ProjectException(file + " has schema version " + version + " and this build reads "
                        + Migrations.latest() + "; open it once for writing (any command that changes the project)"
                        + " to migrate it, or with the matching RLHF Workbench version");
            }
            return make.apply(db);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(conn);
            throw lockedIfBusy(dir, e);
        }
    }

    /**
     * {@code e} as the exception to throw: a {@link ProjectLockedException} when SQLite found the
     * database locked (another process has the project open), else unchanged.
     */
    static RuntimeException lockedIfBusy(Path dir, Exception e) {
        Throwable t = e;
        while (t != null && !(t instanceof SQLException)) {
            t = t.getCause();
        }
        if (t instanceof SQLException sql && (sql.getErrorCode() & 0xff) == SQLITE_BUSY) {
            return new ProjectLockedException("Project " + dir + " is open in another process (" + Project.DB_FILE
                    + " is locked). Close it there first.");
        }
        if (e instanceof RuntimeException re) {
            return re;
        }
        return new ProjectException("Cannot open " + dir.resolve(Project.DB_FILE) + ": " + e.getMessage(), e);
    }

    private static Connection connect(Path file, boolean immutable) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(Project.LOCK_WAIT_MS);
        String url = immutable ? "jdbc:sqlite:file:" + file + "?immutable=1" : "jdbc:sqlite:" + file;
        if (immutable) {
            config.setOpenMode(org.sqlite.SQLiteOpenMode.OPEN_URI);
        }
        return config.createConnection(url);
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // already failing; the first error is the one to report
        }
    }
}
