package org.rlhfworkbench.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A thin JDBC helper over the project's one connection: statements with positional arguments,
 * row mappers, and nested transactions (an inner {@link #inTransaction} joins the outer one, so a
 * bulk import is one transaction however many repository calls it makes).
 */
public final class Db {
    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Work done inside a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws SQLException;
    }

    /** SQLite's primary result code for "database or disk is full". */
    private static final int SQLITE_FULL = 13;

    private final Connection conn;
    private final String file;
    private int depth;

    Db(Connection conn, String file) {
        this.conn = conn;
        this.file = file;
    }

    Connection connection() {
        return conn;
    }

    /** Runs a write and returns the generated row id (or the update count when none). */
    public synchronized long update(String sql, Object... args) {
        try (PreparedStatement ps = conn.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(ps, args);
            int count = ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                return sql.stripLeading().regionMatches(true, 0, "INSERT", 0, 6) && keys.next()
                        ? keys.getLong(1) : count;
            }
        } catch (SQLException e) {
            throw fail(sql, e);
        }
    }

    public synchronized <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            bind(ps, args);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw fail(sql, e);
        }
    }

    public <T> T queryOne(String sql, RowMapper<T> mapper, Object... args) {
        List<T> rows = query(sql, mapper, args);
        return rows.isEmpty() ? null : rows.get(0);
    }

    public long count(String sql, Object... args) {
        Long n = queryOne(sql, rs -> rs.getLong(1), args);
        return n == null ? 0 : n;
    }

    /** Runs work in one committed transaction; rolls everything back if it throws. */
    public synchronized <T> T inTransaction(Work<T> work) {
        boolean outer = depth == 0;
        try {
            if (outer) {
                conn.setAutoCommit(false);
            }
            depth++;
            T result = work.run();
            depth--;
            if (outer) {
                conn.commit();
                conn.setAutoCommit(true);
            }
            return result;
        } catch (SQLException | RuntimeException e) {
            depth--;
            RuntimeException failure = e instanceof RuntimeException re ? re : fail("transaction", (SQLException) e);
            if (outer) {
                rollback(failure);
            }
            throw failure;
        }
    }

    /**
     * Undoes the failed transaction and always puts the connection back in autocommit mode. The
     * original failure is what the caller sees: SQLite itself rolls back on some errors (SQLITE_FULL
     * at commit), and the "no transaction is active" that a second rollback then reports is kept
     * only as a suppressed exception.
     */
    private void rollback(RuntimeException failure) {
        try {
            conn.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
        try {
            conn.setAutoCommit(true);
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
        try {
            if (!conn.getAutoCommit()) {
                failure.addSuppressed(new SQLException("autocommit could not be restored on " + file));
            }
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
    }

    private ProjectException fail(String sql, SQLException e) {
        if ((e.getErrorCode() & 0xff) == SQLITE_FULL) {
            return new DiskFullException("disk full: " + file + " could not be written, nothing was saved"
                    + " (SQLITE_FULL: " + e.getMessage() + ")", e);
        }
        return new ProjectException("Database error in " + file + ": " + e.getMessage()
                + " [" + sql.strip().split("\\s+", 4)[0] + "]", e);
    }

    /** Reads a nullable INTEGER column as a Long. */
    public static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    /** Reads a nullable INTEGER column as an Integer. */
    public static Integer intOrNull(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    /** Reads a nullable REAL column as a Double. */
    public static Double doubleOrNull(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }
}
