package org.rlhfworkbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** `--set name=value` on a hyperparameter record: the record's JSON with fields replaced, read back. */
final class ConfigOverrides {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConfigOverrides() {
    }

    @SuppressWarnings("unchecked")
    static <T> T apply(T config, Map<String, String> overrides) {
        if (overrides.isEmpty()) {
            return config;
        }
        ObjectNode tree = JSON.valueToTree(config);
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            if (!tree.has(e.getKey())) {
                throw new IllegalArgumentException("unknown setting '" + e.getKey() + "'; known: "
                        + String.join(", ", (Iterable<String>) tree::fieldNames));
            }
            tree.put(e.getKey(), e.getValue());
        }
        try {
            return (T) JSON.treeToValue(tree, config.getClass());
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalArgumentException("bad --set value: " + ex.getOriginalMessage());
        }
    }
}
