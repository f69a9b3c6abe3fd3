package org.rlhfworkbench.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.rlhfworkbench.core.Ranking;
import org.rlhfworkbench.core.RankingEntry;
import org.rlhfworkbench.core.RankingStatus;

/** Rankings with their entries; a ranking and its entries are written in one transaction. */
public final class RankingRepository {
    private static final String COLS = "id, prompt_id, status, note, annotator, display_order";
    private final Db db;

    RankingRepository(Db db) {
        this.db = db;
    }

    /** Saves a decision atomically: either the ranking and all its entries are stored, or nothing. */
    public long add(Ranking r) {
        return db.inTransaction(() -> {
            long id = db.update("INSERT INTO ranking(prompt_id, status, note, annotator, display_order)"
                            + " VALUES (?, ?, ?, ?, ?)", r.promptId(), r.status().dbName(), r.note(), r.annotator(),
                    JsonText.ids(r.displayOrder()));
            for (RankingEntry e : r.entries()) {
                db.update("INSERT INTO ranking_entry(ranking_id, generation_id, rank) VALUES (?, ?, ?)",
                        id, e.generationId(), e.rank());
            }
            return id;
        });
    }

    /** Replaces a decision (reopened from the history panel) in one transaction. */
    public void replace(long id, Ranking r) {
        db.inTransaction(() -> {
            db.update("UPDATE ranking SET status = ?, note = ?, display_order = ? WHERE id = ?",
                    r.status().dbName(), r.note(), JsonText.ids(r.displayOrder()), id);
            db.update("DELETE FROM ranking_entry WHERE ranking_id = ?", id);
            for (RankingEntry e : r.entries()) {
                db.update("INSERT INTO ranking_entry(ranking_id, generation_id, rank) VALUES (?, ?, ?)",
                        id, e.generationId(), e.rank());
            }
            return null;
        });
    }

    public void delete(long id) {
        db.update("DELETE FROM ranking WHERE id = ?", id);
    }

    /**
     * Rewrites a decision in place (same id), annotator included: head and entries. Use after
     * {@link #clearDecision} inside one transaction.
     */
    public void rewrite(long id, Ranking r) {
        db.inTransaction(() -> {
            db.update("UPDATE ranking SET status = ?, note = ?, annotator = ?, display_order = ? WHERE id = ?",
                    r.status().dbName(), r.note(), r.annotator(), JsonText.ids(r.displayOrder()), id);
            db.update("DELETE FROM ranking_entry WHERE ranking_id = ?", id);
            for (RankingEntry e : r.entries()) {
                db.update("INSERT INTO ranking_entry(ranking_id, generation_id, rank) VALUES (?, ?, ?)",
                        id, e.generationId(), e.rank());
            }
            return null;
        });
    }

    /**
     * Removes what a labeling decision wrote besides its ranking row: its entries, the ratings and
     * demonstrations linked to it, and the corrected responses (generations with source
     * "correction") it ranked. One transaction.
     */
    public void clearDecision(long id) {
        db.inTransaction(() -> {
            List<Long> corrections = db.query("SELECT e.generation_id FROM ranking_entry e"
                    + " JOIN generation g ON g.id = e.generation_id WHERE e.ranking_id = ? AND g.source = 'correction'",
                    rs -> rs.getLong(1), id);
            db.update("DELETE FROM rating WHERE ranking_id = ?", id);
            db.update("DELETE FROM demonstration WHERE ranking_id = ?", id);
            db.update("DELETE FROM ranking_entry WHERE ranking_id = ?", id);
            for (long g : corrections) {
                db.update("DELETE FROM demonstration WHERE generation_id = ?", g);
                db.update("DELETE FROM generation WHERE id = ? AND NOT EXISTS"
                        + " (SELECT 1 FROM ranking_entry WHERE generation_id = ?)", g, g);
            }
            return null;
        });
    }

    /** Undoes a labeling decision: {@link #clearDecision} plus the ranking row, in one transaction. */
    public void deleteDecision(long id) {
        db.inTransaction(() -> {
            clearDecision(id);
            delete(id);
            return null;
        });
    }

    /** The newest {@code n} ranking ids, newest first. */
    public List<Long> recentIds(int n) {
        return db.query("SELECT id FROM ranking ORDER BY id DESC LIMIT ?", rs -> rs.getLong(1), n);
    }

    /** When the ranking was first stored, or null when there is no such ranking. */
    public Instant createdAt(long id) {
        String at = db.queryOne("SELECT created_at FROM ranking WHERE id = ?", rs -> rs.getString(1), id);
        return at == null ? null : Instant.parse(at);
    }

    /** Prompts with at least one ranking. */
    public long labeledPromptCount() {
        return db.count("SELECT count(DISTINCT prompt_id) FROM ranking");
    }

    /** Whether any ranking's annotator starts with {@code prefix}, e.g. "simulated:". */
    public boolean anyAnnotatorStartingWith(String prefix) {
        return db.count("SELECT count(*) FROM ranking WHERE substr(annotator, 1, ?) = ?", prefix.length(), prefix) > 0;
    }

    public Ranking get(long id) {
        Ranking head = db.queryOne("SELECT " + COLS + " FROM ranking WHERE id = ?", this::mapHead, id);
        return head == null ? null : withEntries(head);
    }

    public List<Ranking> all() {
        List<Ranking> out = new ArrayList<>();
        for (Ranking head : db.query("SELECT " + COLS + " FROM ranking ORDER BY id", this::mapHead)) {
            out.add(withEntries(head));
        }
        return out;
    }

    public List<Ranking> forPrompt(long promptId) {
        List<Ranking> out = new ArrayList<>();
        for (Ranking head : db.query("SELECT " + COLS + " FROM ranking WHERE prompt_id = ? ORDER BY id",
                this::mapHead, promptId)) {
            out.add(withEntries(head));
        }
        return out;
    }

    public long count() {
        return db.count("SELECT count(*) FROM ranking");
    }

    /** Ordered preference pairs over all RANKED rankings (ties and unranked pairs excluded). */
    public long pairCount() {
        return db.count("SELECT count(*) FROM ranking r"
                + " JOIN ranking_entry w ON w.ranking_id = r.id AND w.rank IS NOT NULL"
                + " JOIN ranking_entry l ON l.ranking_id = r.id AND l.generation_id <> w.generation_id"
                + "  AND (l.rank IS NULL OR l.rank > w.rank)"
                + " WHERE r.status = 'ranked'");
    }

    private Ranking withEntries(Ranking head) {
        List<RankingEntry> entries = db.query(
                "SELECT generation_id, rank FROM ranking_entry WHERE ranking_id = ? ORDER BY generation_id",
                rs -> new RankingEntry(rs.getLong(1), Db.intOrNull(rs, "rank")), head.id());
        return new Ranking(head.id(), head.promptId(), head.status(), head.note(), head.annotator(), entries,
                head.displayOrder());
    }

    private Ranking mapHead(ResultSet rs) throws SQLException {
        return new Ranking(rs.getLong("id"), rs.getLong("prompt_id"), RankingStatus.fromDb(rs.getString("status")),
                rs.getString("note"), rs.getString("annotator"), List.of(),
                JsonText.ids(rs.getString("display_order")));
    }
}
