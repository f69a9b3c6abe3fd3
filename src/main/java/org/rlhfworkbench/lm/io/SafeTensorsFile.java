package org.rlhfworkbench.lm.io;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The contents of one safetensors file: tensors in the order of their data in the file, and the
 * string map stored under "__metadata__" (empty when the file has none).
 */
public record SafeTensorsFile(Path file, Map<String, TensorData> tensors, Map<String, String> metadata) {
    public SafeTensorsFile {
        tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }
}
