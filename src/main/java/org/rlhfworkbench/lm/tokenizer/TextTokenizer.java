package org.rlhfworkbench.lm.tokenizer;

import java.util.OptionalInt;

/**
 * Text to token ids and back, as a causal language model sees them.
 *
 * <p>{@link #encode} never adds special tokens (no BOS, no EOS, no padding, no truncation): callers
 * that need them add {@link #bosId()} / {@link #eosId()} themselves. Special-token ids come from
 * the model folder: generation_config.json, then config.json, then tokenizer_config.json, then
 * special_tokens_map.json, then well-known names among tokenizer.json's special added tokens.
 *
 * <p>Implementations that hold native memory release it in {@link #close()}; use try-with-resources.
 */
public interface TextTokenizer extends AutoCloseable {

    /** Token ids of {@code text}; special tokens written literally in the text map to their ids. */
    int[] encode(String text);

    /**
     * What transformers' {@code tokenizer(text)} returns: {@link #encode} plus the special tokens
     * the tokenizer adds around a single text (tokenizer.json's post-processor, e.g. Llama 3's
     * {@code <|begin_of_text|>}; for Llama-class tokenizers tokenizer_config.json's
     * {@code add_bos_token} / {@code add_eos_token}, as LlamaTokenizerFast rebuilds its
     * post-processor from them). Without such a rule it equals {@link #encode}.
     */
    default int[] encodeWithSpecialTokens(String text) {
        return encode(text);
    }

    /**
     * The text of {@code ids}, special tokens included; for byte-level BPE (GPT-2 style, and every
     * tokenizer {@link BpeTrainer} makes) {@code decode(encode(s)).equals(s)} for any string.
     */
    default String decode(int[] ids) {
        return decode(ids, false);
    }

    /** The text of {@code ids}; with {@code skipSpecialTokens} special tokens are left out. */
    String decode(int[] ids, boolean skipSpecialTokens);

    /** The vocabulary entry of {@code id} as stored, e.g. {@code "Ġworld"} for GPT-2's " world". */
    String token(int id);

    /** What {@code id} alone decodes to, e.g. {@code " world"}; a partial UTF-8 byte shows as U+FFFD. */
    default String tokenText(int id) {
        return decode(new int[] {id});
    }

    /** The id of a vocabulary entry (as {@link #token} spells it) or of an added token. */
    OptionalInt id(String token);

    /** One more than the largest id, counting added tokens (50257 for GPT-2). */
    int vocabSize();

    /** Whether {@code id} is a special added token such as {@code <|endoftext|>}. */
    boolean isSpecial(int id);

    /** The end-of-sequence id: the first of {@link #eosIds()}. */
    default OptionalInt eosId() {
        int[] all = eosIds();
        return all.length == 0 ? OptionalInt.empty() : OptionalInt.of(all[0]);
    }

    /** Every id that ends generation (generation_config.json may list several); may be empty. */
    int[] eosIds();

    /** The beginning-of-sequence id, if the model has one. */
    OptionalInt bosId();

    /** The padding id, if the model declares one (GPT-2 does not). */
    OptionalInt padId();

    /**
     * A hash of the whole vocabulary: every id's entry and whether it is special. Two tokenizers
     * with equal fingerprints map every id to the same token (what two models must share before
     * one's ids are fed to the other).
     */
    default String vocabularyFingerprint() {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            for (int id = 0; id < vocabSize(); id++) {
                sha.update(token(id).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update(isSpecial(id) ? (byte) 1 : (byte) 0);
                sha.update((byte) 0xff);
            }
            return java.util.HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Releases native resources; the tokenizer must not be used afterwards. */
    @Override
    default void close() {
    }
}
