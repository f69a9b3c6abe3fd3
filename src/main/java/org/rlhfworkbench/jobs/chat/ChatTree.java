package org.rlhfworkbench.jobs.chat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.rlhfworkbench.core.ChatTurn;
import org.rlhfworkbench.core.Conversation;
import org.rlhfworkbench.core.Message;

/**
 * A conversation's turns as a tree: each turn's children in the order they were made, and the
 * path shown (at each fork, the branch chosen, else the newest). A new branch never removes an
 * older one. Pure data; no store.
 */
public final class ChatTree {
    private final Conversation conversation;
    private final Map<Long, ChatTurn> byId = new LinkedHashMap<>();
    private final Map<Long, List<ChatTurn>> children = new HashMap<>();   // parent id (0 for roots) -> children

    public ChatTree(Conversation conversation, List<ChatTurn> turns) {
        this.conversation = conversation;
        for (ChatTurn t : turns) {
            byId.put(t.id(), t);
            children.computeIfAbsent(key(t.parentId()), k -> new ArrayList<>()).add(t);
        }
    }

    public Conversation conversation() {
        return conversation;
    }

    public ChatTurn turn(long id) {
        return byId.get(id);
    }

    public List<ChatTurn> turns() {
        return List.copyOf(byId.values());
    }

    /** Children of {@code parentId} (null: the first turns), oldest first. */
    public List<ChatTurn> children(Long parentId) {
        return children.getOrDefault(key(parentId), List.of());
    }

    /** The turn and the other branches at its place, oldest first. */
    public List<ChatTurn> siblings(long turnId) {
        return children(byId.get(turnId).parentId());
    }

    /**
     * The path from the first turn down: at each fork the child named in {@code chosen} (by parent
     * id, 0 for the first turn), else the newest child.
     */
    public List<ChatTurn> path(Map<Long, Long> chosen) {
        List<ChatTurn> out = new ArrayList<>();
        Long parent = null;
        while (true) {
            List<ChatTurn> kids = children(parent);
            if (kids.isEmpty()) {
                return out;
            }
            Long want = chosen.get(key(parent));
            ChatTurn next = kids.stream().filter(t -> Objects.equals(t.id(), want)).findFirst()
                    .orElse(kids.get(kids.size() - 1));
            out.add(next);
            parent = next.id();
        }
    }

    /** The turns from the first down to {@code turnId}, inclusive. */
    public List<ChatTurn> pathTo(long turnId) {
        List<ChatTurn> out = new ArrayList<>();
        for (ChatTurn t = byId.get(turnId); t != null; t = t.parentId() == null ? null : byId.get(t.parentId())) {
            out.add(0, t);
        }
        return out;
    }

    /** The conversation a model continues after {@code parentId}: system prompt, then every turn down to it. */
    public List<Message> messagesUpTo(Long parentId) {
        List<Message> out = new ArrayList<>();
        if (conversation.systemPrompt() != null && !conversation.systemPrompt().isBlank()) {
            out.add(new Message("system", conversation.systemPrompt()));
        }
        if (parentId != null) {
            pathTo(parentId).forEach(t -> out.add(new Message(t.role(), t.content())));
        }
        return out;
    }

    static long key(Long parentId) {
        return parentId == null ? 0 : parentId;
    }
}
