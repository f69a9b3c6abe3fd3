package org.rlhfworkbench.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.rlhfworkbench.core.Message;
import org.rlhfworkbench.core.Prompt;
import org.rlhfworkbench.core.PromptFilter;
import org.rlhfworkbench.core.PromptListing;
import org.rlhfworkbench.core.RankingStatus;

/** Prompts of the project, in insertion order. */
public final class PromptRepository {
    private static final String COLS = "id, text, messages_json, source, split, reference";
    private final Db db;

    PromptRepository(Db db) {
        this.db = db;
    }

    public long add(String text, List<Message> messages, String source) {
        return add(text, messages, source, null);
    }

    /** A prompt with its reference answer ({@code null}: none). */
    public long add(String text, List<Message> messages, String source, String reference) {
        return db.update("INSERT INTO prompt(text, messages_json, source, reference) VALUES (?, ?, ?, ?)",
                text, JsonText.messages(messages), source, reference);
    }

    /** Sets (or with {@code null} clears) a prompt's reference answer. */
    public void setReference(long id, String reference) {
        db.update("UPDATE prompt SET reference = ? WHERE id = ?", reference, id);
    }

    public long add(String text, String source) {
        return add(text, List.of(), source);
    }

    public Prompt get(long id) {
        return db.queryOne("SELECT " + COLS + " FROM prompt WHERE id = ?", PromptRepository::map, id);
    }

    public List<Prompt> all() {
        return db.query("SELECT " + COLS + " FROM prompt ORDER BY id", PromptRepository::map);
    }

    public List<Prompt> page(int offset, int limit) {
        return db.query("SELECT " + COLS + " FROM prompt ORDER BY id LIMIT ? OFFSET ?",
                PromptRepository::map, limit, offset);
    }

    /** Ids of prompts without any ranking, lowest first (what is left to label). */
    public List<Long> unrankedIds(int limit) {
        return db.query("SELECT id FROM prompt p WHERE NOT EXISTS (SELECT 1 FROM ranking r WHERE r.prompt_id = p.id)"
                + " ORDER BY id LIMIT ?", rs -> rs.getLong(1), limit);
    }

    public void setSplit(long id, String split) {
        db.update("UPDATE prompt SET split = ? WHERE id = ?", split, id);
    }

    public long count() {
        return db.count("SELECT count(*) FROM prompt");
    }

    /**
     * Prompts whose text contains {@code contains} (ignoring ASCII case; blank: all) and that pass
     * {@code filter}, lowest id first, at most {@code limit}; each with the start of its text, its
     * newest decision and whether a demonstration answers it.
     */
    public List<PromptListing> listing(String contains, PromptFilter filter, int previewChars, int limit) {
        String needle = contains == null ? "" : contains.strip();
        return db.query("SELECT id, preview, conv, status, demo FROM (" + STATES + ") WHERE " + condition(filter)
                        + " ORDER BY id LIMIT ?", rs -> new PromptListing(rs.getLong("id"), rs.getString("preview"),
                        rs.getInt("conv") != 0, status(rs.getString("status")), rs.getInt("demo") != 0),
                previewChars, needle, needle, limit);
    }

    /** How many prompts containing {@code contains} (blank: all) pass each filter. */
    public Map<PromptFilter, Long> filterCounts(String contains) {
        String needle = contains == null ? "" : contains.strip();
        StringBuilder sql = new StringBuilder("SELECT ");
        PromptFilter[] filters = PromptFilter.values();
        for (int i = 0; i < filters.length; i++) {
            sql.append(i == 0 ? "" : ", ").append("coalesce(sum(").append(condition(filters[i])).append("), 0)");
        }
        sql.append(" FROM (").append(STATES).append(")");
        return db.queryOne(sql.toString(), rs -> {
            Map<PromptFilter, Long> counts = new EnumMap<>(PromptFilter.class);
            for (int i = 0; i < filters.length; i++) {
                counts.put(filters[i], rs.getLong(i + 1));
            }
            return counts;
        }, 1, needle, needle);
    }

    /** Per prompt: preview (first ? characters), conversation flag, newest decision's status, demonstration flag. */
    private static final String STATES = "SELECT p.id AS id, substr(p.text, 1, ?) AS preview,"
            + " (p.messages_json IS NOT NULL AND p.messages_json <> '[]') AS conv,"
            + " (SELECT r.status FROM ranking r WHERE r.prompt_id = p.id ORDER BY r.id DESC LIMIT 1) AS status,"
            + " EXISTS (SELECT 1 FROM demonstration d WHERE d.prompt_id = p.id) AS demo"
            + " FROM prompt p WHERE (? = '' OR instr(lower(p.text), lower(?)) > 0)";

    private static String condition(PromptFilter filter) {
        return switch (filter) {
            case ALL -> "1";
            case UNLABELED -> "status IS NULL";
            case HAS_DEMONSTRATION -> "demo";
            case RANKED -> "status = 'ranked'";
            case ALL_BAD -> "status = 'all_bad'";
            case SKIPPED -> "status = 'skipped'";
            case FLAGGED -> "status = 'flagged'";
        };
    }

    private static RankingStatus status(String db) {
        return db == null ? null : RankingStatus.fromDb(db);
    }

    private static Prompt map(ResultSet rs) throws SQLException {
        return new Prompt(rs.getLong("id"), rs.getString("text"), JsonText.messages(rs.getString("messages_json")),
                rs.getString("source"), rs.getString("split"), rs.getString("reference"));
    }
}
