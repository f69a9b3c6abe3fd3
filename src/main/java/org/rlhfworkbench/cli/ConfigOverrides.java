package org.rlhfworkbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * `--set name=value` on a hyperparameter record: the record's JSON with fields replaced, read back.
 * A dotted name ("algorithm.epsilonHigh") reaches into a nested record.
 */
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
            ObjectNode node = tree;
            String[] path = e.getKey().split("\\.");
            for (int i = 0; i < path.length - 1; i++) {
                if (!(node.get(path[i]) instanceof ObjectNode inner)) {
                    throw new IllegalArgumentException("unknown setting '" + e.getKey() + "'; known: "
                            + String.join(", ", (Iterable<String>) node::fieldNames));
                }
                node = inner;
            }
            String leaf = path[path.length - 1];
            if (!node.has(leaf) || node.get(leaf).isObject()) {
                final ObjectNode known = node;
                throw new IllegalArgumentException("unknown setting '" + e.getKey() + "'; known: "
                        + String.join(", ", (Iterable<String>) known::fieldNames));
            }
            node.put(leaf, e.getValue());
        }
        try {
            return (T) JSON.treeToValue(tree, config.getClass());
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalArgumentException("bad --set value: " + ex.getOriginalMessage());
        }
    }
}
