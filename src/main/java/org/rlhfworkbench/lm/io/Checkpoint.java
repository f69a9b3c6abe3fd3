package org.rlhfworkbench.lm.io;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A loaded Hugging Face model folder: its config and its tensors under canonical names (see
 * {@link ExpectedTensors#normalizeName}), already checked against the config.
 */
public record Checkpoint(Path folder, ModelConfig config, Map<String, TensorData> tensors) {
    public Checkpoint {
        tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
    }
}
