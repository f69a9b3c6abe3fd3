package org.rlhfworkbench.lm.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses and validates the JSON header of a safetensors file; every failure names the file. */
final class SafeTensorsHeader {
    static final String METADATA_KEY = "__metadata__";
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** One tensor's header entry; offsets are relative to the start of the data section. */
    record Entry(String name, DType dtype, long[] shape, long begin, long end) {
    }

    /** Entries in data order, and the string metadata. */
    record Parsed(List<Entry> entries, Map<String, String> metadata) {
    }

    private final Path file;

    private SafeTensorsHeader(Path file) {
        this.file = file;
    }

    /** Parses {@code json} and checks it against a data section of {@code dataLength} bytes. */
    static Parsed parse(Path file, byte[] json, long dataLength) {
        return new SafeTensorsHeader(file).parse(json, dataLength);
    }

    private Parsed parse(byte[] json, long dataLength) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw fail("header is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw fail("header could not be parsed: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw fail("header is not a JSON object");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            if (field.getKey().equals(METADATA_KEY)) {
                readMetadata(field.getValue(), metadata);
            } else {
                entries.add(entry(field.getKey(), field.getValue()));
            }
        }
        entries.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        checkLayout(entries, dataLength);
        return new Parsed(List.copyOf(entries), metadata);
    }

    private void readMetadata(JsonNode node, Map<String, String> metadata) {
        if (node.isNull()) {
            return;
        }
        if (!node.isObject()) {
            throw fail(METADATA_KEY + " must be an object of strings, found " + node.getNodeType());
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!field.getValue().isTextual()) {
                throw fail(METADATA_KEY + " value for '" + field.getKey() + "' must be a string, found "
                        + field.getValue().getNodeType());
            }
            metadata.put(field.getKey(), field.getValue().textValue());
        }
    }

    private Entry entry(String name, JsonNode node) {
        if (!node.isObject()) {
            throw fail("entry for tensor '" + name + "' is not an object");
        }
        JsonNode dtypeNode = node.path("dtype");
        DType dtype = DType.fromName(dtypeNode.asText("")).orElseThrow(() -> fail("tensor '" + name
                + "' has unknown dtype " + dtypeNode + "; known: " + Arrays.toString(DType.values())));
        long[] shape = naturals(node.path("shape"), -1);
        if (shape == null) {
            throw fail("tensor '" + name + "' has invalid shape " + node.path("shape")
                    + " (expected a list of non-negative integers)");
        }
        long[] offsets = naturals(node.path("data_offsets"), 2);
        if (offsets == null || offsets[0] > offsets[1]) {
            throw fail("tensor '" + name + "' has data_offsets " + node.path("data_offsets")
                    + " out of range (expected [begin, end] with 0 <= begin <= end)");
        }
        long count = TensorData.elementCount(shape);
        if (count < 0 || count > Long.MAX_VALUE / dtype.byteSize()) {
            throw fail("tensor '" + name + "' has shape " + Arrays.toString(shape) + " too large to address");
        }
        long needed = count * dtype.byteSize();
        if (offsets[1] - offsets[0] != needed) {
            throw fail("tensor '" + name + "' data_offsets " + Arrays.toString(offsets) + " span "
                    + (offsets[1] - offsets[0]) + " bytes, but shape " + Arrays.toString(shape) + " of " + dtype
                    + " needs " + needed);
        }
        return new Entry(name, dtype, shape, offsets[0], offsets[1]);
    }

    /** Tensors must tile the data section from 0 to its end, without overlap or gaps. */
    private void checkLayout(List<Entry> entries, long dataLength) {
        long previousEnd = 0;
        Entry previous = null;
        for (Entry entry : entries) {
            String where = "tensor '" + entry.name() + "' data_offsets [" + entry.begin() + ", " + entry.end() + "]";
            if (entry.end() > dataLength && entry.begin() != previousEnd) {
                throw fail(where + " out of range: the data section after the header holds only " + dataLength
                        + " bytes");
            }
            if (entry.begin() < previousEnd) {
                throw fail(where + " overlap tensor '" + previous.name() + "' [" + previous.begin() + ", "
                        + previous.end() + "]");
            }
            if (entry.begin() > previousEnd) {
                throw fail(where + " leave a gap of " + (entry.begin() - previousEnd) + " bytes after byte "
                        + previousEnd);
            }
            previousEnd = entry.end();
            previous = entry;
        }
        if (previousEnd > dataLength) {
            throw fail("file is truncated: the header declares " + previousEnd + " bytes of tensor data but only "
                    + dataLength + " follow the header");
        }
        if (previousEnd < dataLength) {
            throw fail((dataLength - previousEnd) + " unexpected bytes after the last tensor (data_offsets end at "
                    + previousEnd + ", the data section holds " + dataLength + ")");
        }
    }

    /** The node as non-negative longs ({@code size} of them, or any number when size < 0), or null. */
    private static long[] naturals(JsonNode node, int size) {
        if (!node.isArray() || (size >= 0 && node.size() != size)) {
            return null;
        }
        long[] values = new long[node.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode item = node.get(i);
            if (!item.isIntegralNumber() || !item.canConvertToLong() || item.longValue() < 0) {
                return null;
            }
            values[i] = item.longValue();
        }
        return values;
    }

    private CheckpointException fail(String what) {
        return new CheckpointException(file + ": " + what);
    }
}
