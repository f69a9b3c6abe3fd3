package org.rlhfworkbench.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.rlhfworkbench.core.Message;
import org.rlhfworkbench.core.Prompt;

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

    private static Prompt map(ResultSet rs) throws SQLException {
        return new Prompt(rs.getLong("id"), rs.getString("text"), JsonText.messages(rs.getString("messages_json")),
                rs.getString("source"), rs.getString("split"), rs.getString("reference"));
    }
}
