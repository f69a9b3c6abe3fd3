package org.rlhfworkbench.lm.io;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** What every supported architecture's config.json tells the model code; one record per family. */
public sealed interface ModelConfig permits Gpt2Config, LlamaConfig, GptNeoxConfig {
    /** The config.json "model_type": it names the family (see lm.family.ModelFamilies). */
    String modelType();

    int vocabSize();

    /** Longest sequence the position embeddings (or RoPE settings) are made for. */
    int maxPositions();

    /** Token ids that end generation; empty when the config names none. */
    List<Integer> eosTokenIds();

    int numLayers();

    /** Width of the residual stream (GPT-2 n_embd, Llama hidden_size). */
    int hiddenSize();

    /** The beginning-of-sequence id (bos_token_id), or null. */
    Integer bosTokenId();

    /** True when lm_head shares the token embedding matrix. */
    boolean tieWordEmbeddings();

    /**
     * The config.json keys this record does not model, kept so that writing the config back
     * preserves them; never null (an empty object when there were none).
     */
    ObjectNode extra();
}
