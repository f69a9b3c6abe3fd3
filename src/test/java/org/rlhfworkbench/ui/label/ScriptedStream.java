package org.rlhfworkbench.ui.label;

import java.util.ArrayList;
import java.util.List;
import org.rlhfworkbench.jobs.label.ResponseStream;

/** A response a test writes into token by token, from any thread; replays to late listeners. */
final class ScriptedStream implements ResponseStream {
    private final int slot;
    private final StringBuilder text = new StringBuilder();
    private final List<Listener> listeners = new ArrayList<>();
    private int tokens;
    private Long generationId;

    ScriptedStream(int slot) {
        this.slot = slot;
    }

    static ScriptedStream complete(int slot, long generationId, String text) {
        ScriptedStream stream = new ScriptedStream(slot);
        stream.push(text);
        stream.finish(generationId);
        return stream;
    }

    synchronized void push(String token) {
        text.append(token);
        tokens++;
        listeners.forEach(listener -> listener.onText(token));
    }

    synchronized void finish(long id) {
        generationId = id;
        listeners.forEach(listener -> listener.onDone(id, tokens));
    }

    synchronized void fail(String message) {
        listeners.forEach(listener -> listener.onError(message));
    }

    @Override
    public int slot() {
        return slot;
    }

    @Override
    public synchronized void listen(Listener listener) {
        listeners.add(listener);
        if (text.length() > 0) {
            listener.onText(text.toString());
        }
        if (generationId != null) {
            listener.onDone(generationId, tokens);
        }
    }

    @Override
    public synchronized String text() {
        return text.toString();
    }

    @Override
    public synchronized boolean done() {
        return generationId != null;
    }

    @Override
    public synchronized Long generationId() {
        return generationId;
    }

    synchronized int tokens() {
        return tokens;
    }
}
