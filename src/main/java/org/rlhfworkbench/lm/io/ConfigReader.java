package org.rlhfworkbench.lm.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Typed reads from a config.json object. Missing or null keys take transformers' defaults; a value
 * of the wrong type fails with the file and the key. Remembers which keys were read, so the rest
 * can be kept as {@code extra}.
 */
final class ConfigReader {
    private final ObjectNode root;
    private final Path file;
    private final Set<String> used = new HashSet<>();

    ConfigReader(ObjectNode root, Path file) {
        this.root = root;
        this.file = file;
    }

    int integer(String key, int fallback) {
        Integer value = nullableInteger(key, fallback);
        if (value == null) {
            throw fail(key, "must be an integer");
        }
        return value;
    }

    Integer nullableInteger(String key, Integer fallback) {
        JsonNode node = value(key);
        if (node == null) {
            return fallback;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw fail(key, "must be an integer");
        }
        return node.intValue();
    }

    double number(String key, double fallback) {
        JsonNode node = value(key);
        if (node == null) {
            return fallback;
        }
        if (!node.isNumber()) {
            throw fail(key, "must be a number");
        }
        return node.doubleValue();
    }

    boolean bool(String key, boolean fallback) {
        JsonNode node = value(key);
        if (node == null) {
            return fallback;
        }
        if (!node.isBoolean()) {
            throw fail(key, "must be true or false");
        }
        return node.booleanValue();
    }

    String text(String key, String fallback) {
        JsonNode node = value(key);
        if (node == null) {
            return fallback;
        }
        if (!node.isTextual()) {
            throw fail(key, "must be a string");
        }
        return node.textValue();
    }

    /** An integer or a list of integers (Llama 3's eos_token_id); empty when missing or null. */
    List<Integer> integers(String key, List<Integer> fallback) {
        JsonNode node = value(key);
        if (node == null) {
            return fallback;
        }
        if (!node.isArray()) {
            return List.of(integer(key, 0));
        }
        List<Integer> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isIntegralNumber() || !item.canConvertToInt()) {
                throw fail(key, "must be an integer or a list of integers");
            }
            values.add(item.intValue());
        }
        return values;
    }

    /** Marks keys as modelled without reading them (they are regenerated on write). */
    void consume(String... keys) {
        used.addAll(List.of(keys));
    }

    /** The keys not read so far. */
    ObjectNode rest() {
        ObjectNode rest = root.deepCopy();
        rest.remove(used);
        return rest;
    }

    CheckpointException fail(String key, String what) {
        return new CheckpointException(file + ": \"" + key + "\" " + what + ", found " + root.get(key));
    }

    private JsonNode value(String key) {
        used.add(key);
        JsonNode node = root.get(key);
        return node == null || node.isNull() ? null : node;
    }
}
