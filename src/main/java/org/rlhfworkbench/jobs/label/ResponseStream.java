package org.rlhfworkbench.jobs.label;

/**
 * One response as it is generated. Listeners are called on the generating thread (the view
 * model queues the text and shows it on the next animation pulse). A response that is already
 * complete (prefetched, reopened) reports everything at once when a listener is attached.
 */
public interface ResponseStream {

    /** Receives the growing text. */
    interface Listener {
        /** New text appended at the end of the response. */
        void onText(String delta);

        /** The response is complete and stored under {@code generationId}. */
        void onDone(long generationId, int tokenCount);

        /** Generation failed; the message names the cause. */
        void onError(String message);
    }

    /** Position in the shown order, 0-based (the card number is slot + 1). */
    int slot();

    /** Attaches the listener; replays text produced so far, then streams the rest. */
    void listen(Listener listener);

    /** Text so far. */
    String text();

    boolean done();

    /** The stored generation id once done, else null. */
    Long generationId();

    /** Once done: the max new tokens the answer was cut at, or null when it ended by itself. */
    default Integer cutAt() {
        return null;
    }
}
