package org.rlhfworkbench.ui.chat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rlhfworkbench.core.ChatTurn;
import org.rlhfworkbench.core.Conversation;
import org.rlhfworkbench.core.ModelEntry;
import org.rlhfworkbench.core.ModelKind;
import org.rlhfworkbench.jobs.chat.ChatService;
import org.rlhfworkbench.jobs.chat.ChatTree;
import org.rlhfworkbench.jobs.eval.Sampling;
import org.rlhfworkbench.jobs.label.LiveResponse;
import org.rlhfworkbench.jobs.label.ResponseStream;

/** A chat without model or database: replies are "reply N", complete at once unless {@link #hold} is set. */
final class FakeChat implements ChatService {
    final List<ChatTurn> turns = new ArrayList<>();
    final List<Conversation> conversations = new ArrayList<>();
    final List<Map<Long, Integer>> rankings = new ArrayList<>();
    final List<LiveResponse> held = new ArrayList<>();
    boolean hold;
    int stops;
    private long nextId = 1;

    @Override
    public List<ModelEntry> models() {
        return List.of(new ModelEntry(1, "tiny", ModelKind.BASE, null, "models/1", null));
    }

    @Override
    public List<Conversation> conversations() {
        List<Conversation> out = new ArrayList<>(conversations);
        java.util.Collections.reverse(out);
        return out;
    }

    @Override
    public long create(String title, Long modelId, String systemPrompt) {
        long id = nextId++;
        conversations.add(new Conversation(id, title == null ? "New chat" : title, modelId, systemPrompt));
        return id;
    }

    @Override
    public ChatTree open(long conversationId) {
        Conversation c = conversations.stream().filter(x -> x.id() == conversationId).findFirst().orElseThrow();
        return new ChatTree(c, turns.stream().filter(t -> t.conversationId() == conversationId).toList());
    }

    @Override
    public List<ResponseStream> send(long conversationId, Long parentTurnId, String userText, long modelId, Sampling s, int k) {
        long user = add(conversationId, parentTurnId, "user", userText);
        return replies(conversationId, user, k);
    }

    @Override
    public List<ResponseStream> regenerate(long assistantTurnId, long modelId, Sampling s, int k) {
        ChatTurn t = turn(assistantTurnId);
        return replies(t.conversationId(), t.parentId(), k);
    }

    private List<ResponseStream> replies(long conversationId, long parent, int k) {
        List<ResponseStream> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            String text = "reply " + nextId;
            if (hold) {
                LiveResponse r = new LiveResponse(i);
                r.append(text);
                held.add(r);
                out.add(r);
            } else {
                long id = add(conversationId, parent, "assistant", text);
                out.add(LiveResponse.completed(i, text, id, 2));
            }
        }
        return out;
    }

    /** Completes the held replies (stored as turns under {@code parent}). */
    void release(long conversationId, long parent) {
        for (LiveResponse r : held) {
            long id = add(conversationId, parent, "assistant", r.text());
            r.complete(id, 2);
        }
        held.clear();
    }

    private long add(long conversationId, Long parent, String role, String text) {
        long id = nextId++;
        turns.add(new ChatTurn(id, conversationId, parent, role, text, null, 7L, "assistant".equals(role) ? id : null,
                false, null));
        return id;
    }

    ChatTurn turn(long id) {
        return turns.stream().filter(t -> t.id() == id).findFirst().orElseThrow();
    }

    @Override
    public long rank(Map<Long, Integer> ranksByTurn) {
        rankings.add(new LinkedHashMap<>(ranksByTurn));
        return rankings.size();
    }

    @Override
    public long correct(long assistantTurnId, String text) {
        ChatTurn t = turn(assistantTurnId);
        return add(t.conversationId(), t.parentId(), "assistant", text);
    }

    @Override
    public void rate(long assistantTurnId, String criterion, int value) {
    }

    @Override
    public void flag(long turnId, boolean flagged, String note) {
    }

    @Override
    public long saveDemonstration(long assistantTurnId) {
        return 1;
    }

    @Override
    public void stop() {
        stops++;
    }

    @Override
    public void close() {
    }
}
