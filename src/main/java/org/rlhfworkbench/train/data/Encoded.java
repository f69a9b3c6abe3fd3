package org.rlhfworkbench.train.data;

import java.util.Arrays;
import org.rlhfworkbench.lm.tokenizer.TextTokenizer;

/** A prompt and a response as token ids, the response ending with EOS, cut to a maximum length. */
public record Encoded(int[] prompt, int[] response) {

    /** Encodes both parts; when too long, drops prompt tokens from the left, then response tokens from the right. */
    public static Encoded of(TextTokenizer tok, String prompt, String response, int eos, int maxLength) {
        int[] r0 = tok.encode(response);
        int[] r = Arrays.copyOf(r0, r0.length + 1);
        r[r0.length] = eos;
        return of(tok.encode(prompt), r, maxLength);
    }

    /**
     * Prompt and response ids as a prompt formatter made them (the response ends with its EOS or
     * end-of-turn token); when too long, drops prompt tokens from the left, then response tokens from the right.
     */
    public static Encoded of(int[] prompt, int[] response, int maxLength) {
        int[] p = prompt;
        int[] r = response;
        if (p.length + r.length > maxLength) {
            int keepPrompt = Math.max(1, maxLength - r.length);
            p = Arrays.copyOfRange(p, Math.max(0, p.length - keepPrompt), p.length);
            if (p.length + r.length > maxLength) {
                r = Arrays.copyOf(r, maxLength - p.length);
            }
        }
        return new Encoded(p, r);
    }

    /** The continuation text as the model writes it after "Assistant:": a space, then the answer. */
    public static String continuation(String text) {
        return !text.isEmpty() && Character.isWhitespace(text.charAt(0)) ? text : " " + text;
    }
}
