package org.rlhfworkbench.lm.family;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.rlhfworkbench.lm.io.ConfigReader;
import org.rlhfworkbench.lm.io.ModelConfig;
import org.rlhfworkbench.lm.io.TensorSpec;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.lm.model.ModelShape;
import org.rlhfworkbench.lm.model.RandomInit;
import org.rlhfworkbench.lm.model.Weights;

/**
 * Everything the workbench knows about one Hugging Face model_type: its config.json, the tensors a
 * checkpoint holds, the network built over them and fresh random weights. One implementation per
 * model_type, registered in {@link ModelFamilies}: a new family is one new file and one line there.
 */
public interface ModelFamily {
    /** config.json "model_type", e.g. "qwen2". */
    String modelType();

    /** transformers' causal-LM class, written to config.json "architectures", e.g. "Qwen2ForCausalLM". */
    String architecture();

    /**
     * The family's config from config.json; reads every key it models (the rest stays as extra).
     * Unsupported options fail with {@link ConfigReader#fail}, which names the file and the key.
     */
    ModelConfig read(ConfigReader in);

    /** Writes the family's keys (all but model_type, vocab_size, tie_word_embeddings, dtype) into {@code out}. */
    void write(ModelConfig config, ObjectNode out);

    /** The tensors of a checkpoint, HF names and shapes in the stored layout; lm_head optional when tied. */
    List<TensorSpec> tensors(ModelConfig config);

    /**
     * The canonical name of a stored tensor (adds the prefix that base-model checkpoints omit), or
     * empty for non-parameter buffers that older transformers saved (masks, inv_freq).
     */
    Optional<String> canonicalName(String stored);

    /** True for tensors stored (in, out) and held (out, in) in memory (GPT-2's Conv1D). */
    default boolean storedTransposed(String canonicalName) {
        return false;
    }

    /** Sizes for the KV cache, heads and initialisation. */
    ModelShape shape(ModelConfig config);

    /** The network over {@code weights}; refuses options the code does not implement, naming {@code folder}. */
    CausalLm build(ModelConfig config, Weights weights, Path folder);

    /**
     * Fresh weights as transformers initialises them (normal(0, 0.02) matrices, zero biases, unit
     * norms), seeded so the same seed gives the same model on every platform.
     */
    default Weights randomInit(NDManager m, ModelConfig config, long seed) {
        return RandomInit.fromSpecs(m, tensors(config), spec -> storedTransposed(spec.name()), seed);
    }
}
