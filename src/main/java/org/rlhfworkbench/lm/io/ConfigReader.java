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
public final class ConfigReader {
    private final ObjectNode root;
    private final Path file;
    private final Set<String> used = new HashSet<>();

    public ConfigReader(ObjectNode root, Path file) {
        this.root = root;
        this.file = file;
    }

    public int integer(String key, int fallback) {
        Integer value = nullableInteger(key, fallback);
        if (value == null) {
            throw fail(key, "must be an integer");
        }
        return value;
    }

    public Integer nullableInteger(String key, Integer fallback) {
        JsonNode node = value(key);
        if (node == null) {
            return fallback;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw fail(key, "must be an integer");
        }
        return node.intValue();
    }

    public double number(String key, double fallback) {
        JsonNode node = value(key);
        if (node == null) {
            return fallback;
        }
        if (!node.isNumber()) {
            throw fail(key, "must be a number");
        }
        return node.doubleValue();
    }

    public boolean bool(String key, boolean fallback) {
        JsonNode node = value(key);
        if (node == null) {
            return fallback;
        }
        if (!node.isBoolean()) {
            throw fail(key, "must be true or false");
        }
        return node.booleanValue();
    }

    public String text(String key, String fallback) {
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
    public List<Integer> integers(String key, List<Integer> fallback) {
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
    public void consume(String... keys) {
        used.addAll(List.of(keys));
    }

    /** The keys not read so far. */
    public ObjectNode rest() {
        ObjectNode rest = root.deepCopy();
        rest.remove(used);
        return rest;
    }

    public CheckpointException fail(String key, String what) {
        return new CheckpointException(file + ": \"" + key + "\" " + what + ", found " + root.get(key));
    }

    /** The raw value of {@code key} (null when missing or JSON null), marked as read. */
    public JsonNode node(String key) {
        return value(key);
    }

    /** Whether config.json has {@code key} with a non-null value (does not mark it as read). */
    public boolean has(String key) {
        JsonNode node = root.get(key);
        return node != null && !node.isNull();
    }

    /** Whether config.json has {@code key} at all, even as JSON null (null then means "none", not "default"). */
    public boolean hasKey(String key) {
        return root.has(key);
    }

    /** The file named in error messages. */
    public Path file() {
        return file;
    }

    private JsonNode value(String key) {
        used.add(key);
        JsonNode node = root.get(key);
        return node == null || node.isNull() ? null : node;
    }
}
