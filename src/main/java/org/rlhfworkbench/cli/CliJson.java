package org.rlhfworkbench.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON output of the model commands: one compact object per line. */
final class CliJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private CliJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static String write(Object node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** {@code text} as a JSON string literal: quotes added, newlines and control characters escaped. */
    static String quoted(String text) {
        return write(text);
    }

    static ArrayNode ints(int[] values) {
        ArrayNode a = MAPPER.createArrayNode();
        for (int v : values) {
            a.add(v);
        }
        return a;
    }

    static ArrayNode floats(float[] values) {
        ArrayNode a = MAPPER.createArrayNode();
        for (float v : values) {
            a.add(v);
        }
        return a;
    }
}
