package org.rlhfworkbench.lm.tokenizer;

import java.util.Arrays;

/**
 * Turns generated ids, one at a time, into the text they complete, for live display.
 *
 * <p>A byte-level BPE token can end in the middle of a UTF-8 character (an emoji is often 2-4
 * tokens); such text is held back until the character is complete, so each character is emitted
 * whole, once. It works for any {@link TextTokenizer}: it decodes a short window of ids (the
 * last emitted token as context plus the pending ones) and emits what the window adds beyond its
 * context once the text no longer ends in U+FFFD (the same scheme as tokenizers' DecodeStream and
 * text-generation-inference). Keeping one token of context also makes SentencePiece-style
 * decoders, which drop the leading space of a sequence, add the right spaces. Not thread-safe.
 */
public final class StreamDecoder {
    private static final char REPLACEMENT = '\uFFFD';

    private final TextTokenizer tokenizer;
    private final boolean skipSpecialTokens;
    private int[] window = new int[16];
    /** window[0] is the last emitted token (context), the rest are pending; size 0 before the first emit. */
    private int size;
    /** What the context token alone decodes to. */
    private String context = "";

    /** Emits special tokens such as {@code <|endoftext|>} as text. */
    public StreamDecoder(TextTokenizer tokenizer) {
        this(tokenizer, false);
    }

    public StreamDecoder(TextTokenizer tokenizer, boolean skipSpecialTokens) {
        this.tokenizer = tokenizer;
        this.skipSpecialTokens = skipSpecialTokens;
    }

    /** Adds one id; returns the newly completed text, or "" while a character is still incomplete. */
    public String push(int id) {
        if (size == window.length) {
            window = Arrays.copyOf(window, size * 2);
        }
        window[size++] = id;
        String text = tokenizer.decode(Arrays.copyOf(window, size), skipSpecialTokens);
        if (text.length() <= context.length() || text.charAt(text.length() - 1) == REPLACEMENT) {
            return "";
        }
        return emit(text);
    }

    /** Emits whatever is pending, incomplete characters as U+FFFD (call when generation ends). */
    public String flush() {
        String text = tokenizer.decode(Arrays.copyOf(window, size), skipSpecialTokens);
        String out = text.length() > context.length() ? emit(text) : "";
        reset();
        return out;
    }

    /** Forgets all state, ready for a new sequence. */
    public void reset() {
        size = 0;
        context = "";
    }

    private String emit(String text) {
        String out = text.startsWith(context) ? text.substring(context.length())
                : text.substring(commonPrefix(text, context));
        window[0] = window[size - 1]; // the newest token is the context of the next window
        size = 1;
        context = tokenizer.decode(new int[] {window[0]}, skipSpecialTokens);
        return out;
    }

    private static int commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }
}
