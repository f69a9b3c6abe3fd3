package org.rlhfworkbench.lm.family;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rlhfworkbench.lm.io.CheckpointException;
import org.rlhfworkbench.lm.io.ModelConfig;
import org.rlhfworkbench.lm.model.CausalLm;

/** The supported model families by model_type. Adding a family: one file and one line in {@link #ALL}. */
public final class ModelFamilies {
    private static final List<ModelFamily> ALL = List.of(
            new Gpt2Family(),
            new LlamaFamily(),
            new MistralFamily(),
            new Qwen2Family(),
            new Qwen3Family(),
            new GptNeoxFamily());
    private static final Map<String, ModelFamily> BY_TYPE = new LinkedHashMap<>();

    static {
        ALL.forEach(f -> BY_TYPE.put(f.modelType(), f));
    }

    private ModelFamilies() {
    }

    /** The model_type names this build reads, comma separated, for error messages. */
    public static String supported() {
        return String.join(", ", BY_TYPE.keySet());
    }

    public static Optional<ModelFamily> find(String modelType) {
        return Optional.ofNullable(BY_TYPE.get(modelType));
    }

    /** A model of {@code config} with fresh random weights owned by {@code m} (see {@link ModelFamily#randomInit}). */
    public static CausalLm random(ModelConfig config, NDManager m, long seed) {
        ModelFamily family = of(config);
        return family.build(config, family.randomInit(m, config, seed), Path.of("."));
    }

    /** The family of a config this build has parsed (always registered). */
    public static ModelFamily of(ModelConfig config) {
        return find(config.modelType()).orElseThrow(() -> new CheckpointException("unknown model_type '"
                + config.modelType() + "'; supported: " + supported()));
    }
}
