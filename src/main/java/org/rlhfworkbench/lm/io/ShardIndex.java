package org.rlhfworkbench.lm.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** model.safetensors.index.json: {"metadata": {"total_size": n}, "weight_map": {tensor: shard file}}. */
public final class ShardIndex {
    private ShardIndex() {
    }

    /** The weight map (tensor name to shard file name), in file order. */
    public static Map<String, String> read(Path indexFile) {
        JsonNode root;
        try {
            root = JsonFormat.MAPPER.readTree(indexFile.toFile());
        } catch (JsonProcessingException e) {
            throw new CheckpointException(indexFile + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new CheckpointException("cannot read " + indexFile + ": " + e, e);
        }
        JsonNode map = root == null ? null : root.get("weight_map");
        if (map == null || !map.isObject()) {
            throw new CheckpointException(indexFile + ": no \"weight_map\" object");
        }
        Map<String, String> weightMap = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : map.properties()) {
            JsonNode shard = entry.getValue();
            if (!shard.isTextual() || !isPlainFileName(shard.textValue())) {
                throw new CheckpointException(indexFile + ": weight_map entry for '" + entry.getKey()
                        + "' must be a file name in the same folder, found " + shard);
            }
            weightMap.put(entry.getKey(), shard.textValue());
        }
        return weightMap;
    }

    /** The index text, laid out as transformers writes it. */
    public static String toJsonString(Map<String, String> weightMap, long totalSize) {
        ObjectNode root = JsonFormat.MAPPER.createObjectNode();
        root.putObject("metadata").put("total_size", totalSize);
        ObjectNode map = root.putObject("weight_map");
        weightMap.forEach(map::put);
        return JsonFormat.pretty(root);
    }

    /** No folders, no "..": an index must not point outside its own folder. */
    private static boolean isPlainFileName(String name) {
        return !name.isEmpty() && !name.equals(".") && !name.equals("..") && name.indexOf('/') < 0
                && name.indexOf('\\') < 0 && name.indexOf(':') < 0;
    }
}
