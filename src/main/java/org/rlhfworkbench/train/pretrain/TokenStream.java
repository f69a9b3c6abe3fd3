package org.rlhfworkbench.train.pretrain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.rlhfworkbench.lm.tokenizer.TextTokenizer;

/**
 * A corpus as one token stream: documents (separated by blank lines) each followed by EOS,
 * shuffled with the seed and split into training and validation parts by document.
 */
final class TokenStream {
    final int[] train;
    final int[] validation;

    private TokenStream(int[] train, int[] validation) {
        this.train = train;
        this.validation = validation;
    }

    static List<String> documents(String corpus) {
        List<String> docs = new ArrayList<>();
        for (String d : corpus.split("\\n\\s*\\n")) {
            if (!d.isBlank()) {
                docs.add(d.strip());
            }
        }
        return docs;
    }

    static TokenStream of(List<String> docs, TextTokenizer tok, int eos, double valFraction, long seed) {
        List<String> shuffled = new ArrayList<>(docs);
        Collections.shuffle(shuffled, new Random(seed));
        int nVal = (int) Math.max(1, Math.round(shuffled.size() * valFraction));
        return new TokenStream(encode(shuffled.subList(nVal, shuffled.size()), tok, eos),
                encode(shuffled.subList(0, nVal), tok, eos));
    }

    private static int[] encode(List<String> docs, TextTokenizer tok, int eos) {
        List<int[]> parts = new ArrayList<>();
        int total = 0;
        for (String d : docs) {
            int[] ids = tok.encode(d);
            parts.add(ids);
            total += ids.length + 1;
        }
        int[] out = new int[total];
        int at = 0;
        for (int[] ids : parts) {
            System.arraycopy(ids, 0, out, at, ids.length);
            at += ids.length;
            out[at++] = eos;
        }
        return out;
    }

    /** {@code batch} random windows of {@code len + 1} tokens, row-major as int64. */
    static long[] windows(int[] stream, int batch, int len, Random rng) {
        if (stream.length < len + 2) {
            throw new IllegalArgumentException("corpus too short: " + stream.length + " tokens for windows of " + (len + 1));
        }
        long[] out = new long[batch * (len + 1)];
        for (int b = 0; b < batch; b++) {
            int start = rng.nextInt(stream.length - len - 1);
            for (int j = 0; j <= len; j++) {
                out[b * (len + 1) + j] = stream[start + j];
            }
        }
        return out;
    }
}
