package org.rlhfworkbench.ui.label;

import java.util.concurrent.ConcurrentLinkedQueue;
import org.rlhfworkbench.jobs.label.ResponseStream;

/**
 * Receives one response's text on the generating thread and holds it until the FX pulse drains
 * it: no Platform.runLater per token. Thread-safe; {@link #drain} belongs to the FX thread.
 */
final class StreamBuffer implements ResponseStream.Listener {
    private final ConcurrentLinkedQueue<String> chunks = new ConcurrentLinkedQueue<>();
    private volatile int tokenCount = -1;
    private volatile Long generationId;
    private volatile String error;

    /** What a drain found: the new text, and the final state when the response completed. */
    record Drained(String text, int deltas, Long generationId, int tokenCount, String error) {
        boolean isEmpty() {
            return deltas == 0 && generationId == null && error == null;
        }
    }

    @Override
    public void onText(String delta) {
        if (!delta.isEmpty()) {
            chunks.add(delta);
        }
    }

    @Override
    public void onDone(long id, int tokens) {
        tokenCount = tokens;
        generationId = id;
    }

    @Override
    public void onError(String message) {
        error = message == null ? "generation failed" : message;
    }

    /** Takes the queued text. The done state is read first, so a completed response is drained whole. */
    Drained drain() {
        Long id = generationId;
        int tokens = tokenCount;
        String failure = error;
        StringBuilder text = new StringBuilder();
        int deltas = 0;
        for (String chunk = chunks.poll(); chunk != null; chunk = chunks.poll()) {
            text.append(chunk);
            deltas++;
        }
        return new Drained(text.toString(), deltas, id, tokens, failure);
    }
}
