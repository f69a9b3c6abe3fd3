package org.rlhfworkbench.lm.family;

import org.rlhfworkbench.lm.io.TensorData;
import org.rlhfworkbench.lm.io.CheckpointException;
import org.rlhfworkbench.lm.io.TensorSpec;
import org.rlhfworkbench.lm.io.ModelConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The check that a checkpoint's tensors match what its family expects (names, shapes, dtypes);
 * the expected list itself comes from the {@link ModelFamily}.
 */
public final class ExpectedTensors {
    /** Heads stored beside a backbone (HF's *ForSequenceClassification "score"), not warned about. */
    public static final java.util.Set<String> KNOWN_HEADS = java.util.Set.of("score.weight", "score.bias");

    private static final Logger LOG = LoggerFactory.getLogger(ExpectedTensors.class);
    private static final int MAX_PROBLEMS_LISTED = 5;

    private ExpectedTensors() {
    }

    /** The expected tensors of {@code config}, in model order; the output head is optional when tied. */
    public static List<TensorSpec> of(ModelConfig config) {
        return ModelFamilies.of(config).tensors(config);
    }

    /**
     * The canonical name of a stored tensor: adds the prefix that base-model checkpoints (GPT2Model,
     * LlamaModel, GPTNeoXModel) omit; empty for non-parameter buffers to drop.
     */
    public static Optional<String> normalizeName(String name, ModelConfig config) {
        return ModelFamilies.of(config).canonicalName(name);
    }

    /** The tensors under canonical names (see {@link #normalizeName}), buffers dropped, order kept. */
    public static Map<String, TensorData> normalize(Map<String, TensorData> tensors, ModelConfig config, Path folder) {
        Map<String, TensorData> out = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        tensors.forEach((name, tensor) -> normalizeName(name, config).ifPresent(canonical -> {
            String earlier = sources.putIfAbsent(canonical, name);
            if (earlier != null) {
                throw new CheckpointException(folder + ": tensor '" + canonical + "' is stored twice, as '"
                        + earlier + "' and '" + name + "'");
            }
            out.put(canonical, canonical.equals(tensor.name()) ? tensor : tensor.withName(canonical));
        }));
        return out;
    }

    /**
     * Checks names, shapes and floating-point dtypes against {@code config}; names are normalized
     * first. Extra tensors are only logged.
     *
     * @throws CheckpointException naming the folder and each missing or mis-shaped tensor
     */
    public static void check(Map<String, TensorData> tensors, ModelConfig config, Path folder) {
        Map<String, TensorData> byName = normalize(tensors, config, folder);
        List<String> problems = new ArrayList<>();
        for (TensorSpec spec : of(config)) {
            TensorData found = byName.remove(spec.name());
            if (found == null) {
                if (!spec.optional()) {
                    problems.add("tensor '" + spec.name() + "' is missing");
                }
            } else if (!Arrays.equals(found.shape(), spec.shape())) {
                problems.add("tensor '" + spec.name() + "' has shape " + Arrays.toString(found.shape())
                        + ", expected " + Arrays.toString(spec.shape()));
            } else if (!found.dtype().isFloatingPoint()) {
                problems.add("tensor '" + spec.name() + "' has dtype " + found.dtype() + ", expected F32, F16 or BF16");
            }
        }
        byName.keySet().removeAll(KNOWN_HEADS);  // reward / value heads travel with the backbone
        if (!byName.isEmpty()) {
            LOG.warn("{}: {} tensors not used by a {} model, ignored: {}", folder, byName.size(),
                    config.modelType(), byName.keySet());
        }
        if (!problems.isEmpty()) {
            String listed = String.join("; ", problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS_LISTED)));
            String more = problems.size() > MAX_PROBLEMS_LISTED
                    ? " (and " + (problems.size() - MAX_PROBLEMS_LISTED) + " more)" : "";
            throw new CheckpointException(folder + " does not match its " + config.modelType() + " config.json: "
                    + listed + more);
        }
    }
}
