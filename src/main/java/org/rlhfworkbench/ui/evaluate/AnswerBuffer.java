package org.rlhfworkbench.ui.evaluate;

import java.util.concurrent.ConcurrentLinkedQueue;
import org.rlhfworkbench.jobs.label.ResponseStream;

/**
 * One answer's text, received on the generating thread and held until the FX pulse drains it
 * (no Platform.runLater per token); the arena and the chat share it. Thread-safe; {@link #drain} belongs to the FX thread.
 */
public final class AnswerBuffer implements ResponseStream.Listener {
    private final ConcurrentLinkedQueue<String> chunks = new ConcurrentLinkedQueue<>();
    private volatile boolean done;
    private volatile String error;

    @Override
    public void onText(String delta) {
        chunks.add(delta);
    }

    @Override
    public void onDone(long generationId, int tokenCount) {
        done = true;
    }

    @Override
    public void onError(String message) {
        error = message == null ? "generation failed" : message;
    }

    /** The text queued since the last drain ("" when none). */
    public String drain() {
        StringBuilder sb = new StringBuilder();
        for (String c = chunks.poll(); c != null; c = chunks.poll()) {
            sb.append(c);
        }
        return sb.toString();
    }

    public boolean done() {
        return done && chunks.isEmpty();
    }

    public String error() {
        return error;
    }
}
