package org.rlhfworkbench.jobs.label;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ResponseStream} fed by a generation worker (labeling, arena, chat). Listeners run under this object's lock,
 * so a listener attached mid-stream sees the replay and then every later piece exactly once, in
 * order. A listener that throws is logged and dropped; generation goes on.
 */
public final class LiveResponse implements ResponseStream {
    private static final Logger LOG = LoggerFactory.getLogger(LiveResponse.class);

    private final int slot;
    private final StringBuilder text = new StringBuilder();
    private final List<Listener> listeners = new ArrayList<>();
    private Long generationId;
    private int tokenCount;
    private Integer cutAt;
    private String error;

    public LiveResponse(int slot) {
        this.slot = slot;
    }

    /** A response that is already stored (prefetched earlier, or reopened). */
    public static LiveResponse completed(int slot, String text, long generationId, int tokenCount) {
        return completed(slot, text, generationId, tokenCount, null);
    }

    /** A stored response; {@code cutAt} is the max new tokens it was cut at, null when it ended by itself. */
    public static LiveResponse completed(int slot, String text, long generationId, int tokenCount, Integer cutAt) {
        LiveResponse r = new LiveResponse(slot);
        r.append(text);
        r.complete(generationId, tokenCount, cutAt);
        return r;
    }

    @Override
    public int slot() {
        return slot;
    }

    @Override
    public synchronized void listen(Listener listener) {
        if (!text.isEmpty()) {
            call(listener, l -> l.onText(text.toString()));
        }
        if (generationId != null) {
            call(listener, l -> l.onDone(generationId, tokenCount));
        } else if (error != null) {
            call(listener, l -> l.onError(error));
        } else {
            listeners.add(listener);
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

    @Override
    public synchronized Integer cutAt() {
        return cutAt;
    }

    public synchronized String error() {
        return error;
    }

    synchronized boolean finished() {
        return generationId != null || error != null;
    }

    public synchronized void append(String delta) {
        if (delta.isEmpty() || finished()) {
            return;
        }
        text.append(delta);
        listeners.removeIf(l -> !call(l, x -> x.onText(delta)));
    }

    public synchronized void complete(long id, int tokens) {
        complete(id, tokens, null);
    }

    /** Stores the response; {@code cut} is the max new tokens it ran out of, or null when it ended by itself. */
    public synchronized void complete(long id, int tokens, Integer cut) {
        if (finished()) {
            return;
        }
        cutAt = cut;
        generationId = id;
        tokenCount = tokens;
        listeners.forEach(l -> call(l, x -> x.onDone(id, tokens)));
        listeners.clear();
        notifyAll();
    }

    public synchronized void fail(String message) {
        if (finished()) {
            return;
        }
        error = message;
        listeners.forEach(l -> call(l, x -> x.onError(message)));
        listeners.clear();
        notifyAll();
    }

    /** Waits until stored or failed; returns the generation id, or throws with the failure. */
    public synchronized long await(long deadlineNanos) throws InterruptedException, TimeoutException {
        while (!finished()) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                throw new TimeoutException("response " + (slot + 1) + " is still generating");
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        if (error != null) {
            throw new IllegalStateException("response " + (slot + 1) + " failed: " + error);
        }
        return generationId;
    }

    private interface Call {
        void on(Listener l);
    }

    private boolean call(Listener l, Call c) {
        try {
            c.on(l);
            return true;
        } catch (RuntimeException e) {
            LOG.warn("A response listener failed and was removed: {}", e.toString());
            return false;
        }
    }
}
