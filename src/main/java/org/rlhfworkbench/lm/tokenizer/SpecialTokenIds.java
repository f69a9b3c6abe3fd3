package org.rlhfworkbench.lm.tokenizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The eos / bos / pad ids of a model folder. Each is taken from the first source that names it:
 * generation_config.json ({@code eos_token_id} may be a list: all of them stop generation), then
 * config.json, then tokenizer_config.json and special_tokens_map.json (token strings, looked up in
 * the vocabulary), then well-known names among the special added tokens of tokenizer.json
 * ({@code <|endoftext|>} is both eos and bos, as in GPT-2).
 */
record SpecialTokenIds(int[] eosIds, OptionalInt bosId, OptionalInt padId) {
    private static final Logger LOG = LoggerFactory.getLogger(SpecialTokenIds.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> EOS_NAMES =
            List.of("<|endoftext|>", "</s>", "<|end_of_text|>", "<eos>", "<|im_end|>", "<|eot_id|>");
    private static final List<String> BOS_NAMES = List.of("<|begin_of_text|>", "<s>", "<bos>", "<|endoftext|>");
    private static final List<String> PAD_NAMES = List.of("<pad>", "[PAD]", "<|pad|>", "<|padding|>");

    SpecialTokenIds {
        eosIds = eosIds.clone();
    }

    @Override
    public int[] eosIds() {
        return eosIds.clone();
    }

    /** {@code folder} may be null: then only the added tokens' names count. */
    static SpecialTokenIds read(Path folder, Vocabulary vocab) {
        List<JsonNode> idSources = List.of(readJson(folder, "generation_config.json"), readJson(folder, "config.json"));
        List<JsonNode> tokenSources =
                List.of(readJson(folder, "tokenizer_config.json"), readJson(folder, "special_tokens_map.json"));
        int[] eos = resolve("eos", idSources, tokenSources, vocab, EOS_NAMES);
        int[] bos = resolve("bos", idSources, tokenSources, vocab, BOS_NAMES);
        int[] pad = resolve("pad", idSources, tokenSources, vocab, PAD_NAMES);
        return new SpecialTokenIds(eos, first(bos), first(pad));
    }

    private static int[] resolve(String kind, List<JsonNode> idSources, List<JsonNode> tokenSources,
                                 Vocabulary vocab, List<String> names) {
        for (JsonNode source : idSources) {
            JsonNode v = source.path(kind + "_token_id");
            if (v.isInt()) {
                return new int[] {v.asInt()};
            }
            if (v.isArray() && !v.isEmpty()) {
                int[] all = new int[v.size()];
                for (int i = 0; i < all.length; i++) {
                    all[i] = v.get(i).asInt();
                }
                return all;
            }
        }
        for (JsonNode source : tokenSources) {
            JsonNode v = source.path(kind + "_token");
            String content = v.isTextual() ? v.asText() : v.path("content").asText(null);
            if (content != null) {
                OptionalInt id = vocab.id(content);
                if (id.isPresent()) {
                    return new int[] {id.getAsInt()};
                }
                LOG.warn("{}_token '{}' is not in the vocabulary", kind, content);
            }
        }
        for (String name : names) {
            for (AddedToken t : vocab.addedTokens()) {
                if (t.special() && t.content().equals(name)) {
                    return new int[] {t.id()};
                }
            }
        }
        return new int[0];
    }

    private static OptionalInt first(int[] ids) {
        return ids.length == 0 ? OptionalInt.empty() : OptionalInt.of(ids[0]);
    }

    private static JsonNode readJson(Path folder, String name) {
        Path file = folder == null ? null : folder.resolve(name);
        if (file == null || !Files.isRegularFile(file)) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            LOG.warn("ignoring unreadable {}: {}", file, e.getMessage());
            return JSON.missingNode();
        }
    }
}
