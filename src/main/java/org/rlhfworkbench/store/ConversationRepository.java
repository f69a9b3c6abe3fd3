package org.rlhfworkbench.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.rlhfworkbench.core.ChatTurn;
import org.rlhfworkbench.core.Conversation;

/** Chat conversations and their turn trees; a branch never replaces an earlier one. */
public final class ConversationRepository {
    private static final String TURN_COLS = "id, conversation_id, parent_id, role, content, model_id, prompt_id,"
            + " generation_id, flagged, flag_note";
    private final Db db;

    ConversationRepository(Db db) {
        this.db = db;
    }

    public long add(String title, Long modelId, String systemPrompt) {
        return db.update("INSERT INTO conversation(title, model_id, system_prompt) VALUES (?, ?, ?)",
                title, modelId, systemPrompt);
    }

    public Conversation get(long id) {
        return db.queryOne("SELECT id, title, model_id, system_prompt FROM conversation WHERE id = ?",
                ConversationRepository::mapConversation, id);
    }

    /** Newest first. */
    public List<Conversation> all() {
        return db.query("SELECT id, title, model_id, system_prompt FROM conversation ORDER BY id DESC",
                ConversationRepository::mapConversation);
    }

    public void rename(long id, String title) {
        db.update("UPDATE conversation SET title = ? WHERE id = ?", title, id);
    }

    /** Adds a turn; {@code t.id()} is ignored and the new id returned. */
    public long addTurn(ChatTurn t) {
        return db.update("INSERT INTO chat_turn(conversation_id, parent_id, role, content, model_id, prompt_id,"
                        + " generation_id, flagged, flag_note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                t.conversationId(), t.parentId(), t.role(), t.content(), t.modelId(), t.promptId(), t.generationId(),
                t.flagged() ? 1 : 0, t.flagNote());
    }

    public ChatTurn turn(long id) {
        return db.queryOne("SELECT " + TURN_COLS + " FROM chat_turn WHERE id = ?", ConversationRepository::mapTurn, id);
    }

    /** Every turn of the tree, in the order they were made (a parent before its children). */
    public List<ChatTurn> turns(long conversationId) {
        return db.query("SELECT " + TURN_COLS + " FROM chat_turn WHERE conversation_id = ? ORDER BY id",
                ConversationRepository::mapTurn, conversationId);
    }

    public void flag(long turnId, boolean flagged, String note) {
        db.update("UPDATE chat_turn SET flagged = ?, flag_note = ? WHERE id = ?", flagged ? 1 : 0, note, turnId);
    }

    public long count() {
        return db.count("SELECT count(*) FROM conversation");
    }

    private static Conversation mapConversation(ResultSet rs) throws SQLException {
        return new Conversation(rs.getLong("id"), rs.getString("title"), Db.longOrNull(rs, "model_id"),
                rs.getString("system_prompt"));
    }

    private static ChatTurn mapTurn(ResultSet rs) throws SQLException {
        return new ChatTurn(rs.getLong("id"), rs.getLong("conversation_id"), Db.longOrNull(rs, "parent_id"),
                rs.getString("role"), rs.getString("content"), Db.longOrNull(rs, "model_id"),
                Db.longOrNull(rs, "prompt_id"), Db.longOrNull(rs, "generation_id"), rs.getInt("flagged") != 0,
                rs.getString("flag_note"));
    }
}
