package org.rlhfworkbench.ui.chat;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.rlhfworkbench.core.ChatTurn;

/**
 * One message on the shown path: a stored turn (with its place among its branches), or a reply
 * still streaming ({@code turn} null).
 */
public final class TurnItem {
    private final ChatTurn turn;
    private final String role;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final int branch;
    private final int branches;

    TurnItem(ChatTurn turn, String role, String text, int branch, int branches) {
        this.turn = turn;
        this.role = role;
        this.text.set(text);
        this.branch = branch;
        this.branches = branches;
    }

    /** The stored turn, or null while it streams. */
    public ChatTurn turn() {
        return turn;
    }

    public String role() {
        return role;
    }

    public boolean isAssistant() {
        return "assistant".equals(role);
    }

    public StringProperty textProperty() {
        return text;
    }

    /** 1-based position among the branches at this place. */
    public int branch() {
        return branch;
    }

    public int branches() {
        return branches;
    }

    public boolean flagged() {
        return turn != null && turn.flagged();
    }
}
