package org.rlhfworkbench.lm.tokenizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.OptionalInt;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule transformers' Llama-class fast tokenizers apply instead of tokenizer.json's
 * post-processor: LlamaTokenizerFast (and CodeLlama / Gemma) rebuild it from tokenizer_config.json's
 * {@code add_bos_token} (default true) and {@code add_eos_token} (default false), so a single text
 * becomes {@code [bos] + ids + [eos]} as those flags say. Any other tokenizer class keeps the
 * post-processor of tokenizer.json ({@link #overridesPostProcessor()} is false).
 */
record AddedSpecialTokens(boolean overridesPostProcessor, int[] prefix, int[] suffix) {
    static final Set<String> LLAMA_CLASSES = Set.of("LlamaTokenizer", "LlamaTokenizerFast", "CodeLlamaTokenizer",
            "CodeLlamaTokenizerFast", "GemmaTokenizer", "GemmaTokenizerFast");
    private static final Logger LOG = LoggerFactory.getLogger(AddedSpecialTokens.class);
    private static final AddedSpecialTokens POST_PROCESSOR = new AddedSpecialTokens(false, new int[0], new int[0]);

    int[] around(int[] ids) {
        int[] out = new int[prefix.length + ids.length + suffix.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(ids, 0, out, prefix.length, ids.length);
        System.arraycopy(suffix, 0, out, prefix.length + ids.length, suffix.length);
        return out;
    }

    static AddedSpecialTokens read(Path folder, Vocabulary vocab) throws IOException {
        Path file = folder == null ? null : folder.resolve("tokenizer_config.json");
        if (file == null || !Files.isRegularFile(file)) {
            return POST_PROCESSOR;
        }
        JsonNode config;
        try {
            config = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            LOG.warn("ignoring unreadable {}: {}", file, e.getMessage());
            return POST_PROCESSOR;
        }
        if (!LLAMA_CLASSES.contains(config.path("tokenizer_class").asText())) {
            return POST_PROCESSOR;
        }
        boolean addBos = config.path("add_bos_token").asBoolean(true);
        boolean addEos = config.path("add_eos_token").asBoolean(false);
        return new AddedSpecialTokens(true, addBos ? token(config, "bos", vocab, file) : new int[0],
                addEos ? token(config, "eos", vocab, file) : new int[0]);
    }

    private static int[] token(JsonNode config, String kind, Vocabulary vocab, Path file) throws IOException {
        JsonNode v = config.path(kind + "_token");
        String content = v.isTextual() ? v.asText() : v.path("content").asText(null);
        OptionalInt id = content == null ? OptionalInt.empty() : vocab.id(content);
        if (id.isEmpty()) {
            throw new IOException(file + ": add_" + kind + "_token is true but " + kind + "_token "
                    + (content == null ? "is not set" : "'" + content + "' is not in the vocabulary"));
        }
        return new int[] {id.getAsInt()};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AddedSpecialTokens a && a.overridesPostProcessor == overridesPostProcessor
                && Arrays.equals(a.prefix, prefix) && Arrays.equals(a.suffix, suffix);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(prefix) * 31 + Arrays.hashCode(suffix) + (overridesPostProcessor ? 1 : 0);
    }

    @Override
    public String toString() {
        return "AddedSpecialTokens" + Arrays.toString(prefix) + Arrays.toString(suffix);
    }
}
