package org.rlhfworkbench.lm.tokenizer;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Id to token string and back, read from a tokenizer.json: {@code model.vocab} (an object for
 * BPE and WordPiece, a list of [piece, score] for Unigram) plus {@code added_tokens}.
 */
final class Vocabulary {
    private final String[] tokens;
    private final Map<String, Integer> ids;
    private final BitSet special;
    private final List<AddedToken> added;

    private Vocabulary(String[] tokens, Map<String, Integer> ids, BitSet special, List<AddedToken> added) {
        this.tokens = tokens;
        this.ids = ids;
        this.special = special;
        this.added = List.copyOf(added);
    }

    static Vocabulary fromTokenizerJson(JsonNode root) throws IOException {
        Map<String, Integer> ids = new HashMap<>();
        JsonNode vocab = root.path("model").path("vocab");
        if (vocab.isObject()) {
            for (Map.Entry<String, JsonNode> e : vocab.properties()) {
                ids.put(e.getKey(), e.getValue().asInt());
            }
        } else if (vocab.isArray()) {
            for (int i = 0; i < vocab.size(); i++) {
                ids.put(vocab.get(i).get(0).asText(), i);
            }
        } else {
            throw new IOException("tokenizer.json has no model.vocab");
        }
        List<AddedToken> added = new ArrayList<>();
        BitSet special = new BitSet();
        for (JsonNode t : root.path("added_tokens")) {
            AddedToken a = new AddedToken(t.get("id").asInt(), t.get("content").asText(), t.path("special").asBoolean());
            added.add(a);
            ids.putIfAbsent(a.content(), a.id());
            if (a.special()) {
                special.set(a.id());
            }
        }
        int size = ids.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        String[] tokens = new String[size];
        for (Map.Entry<String, Integer> e : ids.entrySet()) {
            if (e.getValue() < 0) {
                throw new IOException("negative token id in tokenizer.json: " + e);
            }
            tokens[e.getValue()] = e.getKey();
        }
        for (AddedToken a : added) {
            tokens[a.id()] = a.content();
        }
        return new Vocabulary(tokens, ids, special, added);
    }

    int size() {
        return tokens.length;
    }

    String token(int id) {
        if (id < 0 || id >= tokens.length) {
            throw new IllegalArgumentException("token id " + id + " outside the vocabulary [0, " + tokens.length + ")");
        }
        return tokens[id] == null ? "" : tokens[id];
    }

    OptionalInt id(String token) {
        Integer id = ids.get(token);
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    boolean isSpecial(int id) {
        return id >= 0 && special.get(id);
    }

    List<AddedToken> addedTokens() {
        return added;
    }
}
