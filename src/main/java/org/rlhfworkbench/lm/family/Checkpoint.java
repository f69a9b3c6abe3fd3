package org.rlhfworkbench.lm.family;

import org.rlhfworkbench.lm.io.TensorData;
import org.rlhfworkbench.lm.io.ModelConfig;
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
