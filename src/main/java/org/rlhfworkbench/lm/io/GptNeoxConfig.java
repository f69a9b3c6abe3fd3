package org.rlhfworkbench.lm.io;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * A GPT-NeoX config.json (transformers' GPTNeoXConfig; Pythia), keys named after HF's.
 *
 * @param vocabSize            vocab_size: rows of embed_in and embed_out
 * @param hiddenSize           hidden_size H
 * @param intermediateSize     intermediate_size I (dense_h_to_4h width)
 * @param numHiddenLayers      num_hidden_layers
 * @param numAttentionHeads    num_attention_heads nH; H must divide by it
 * @param rotaryPct            rotary_pct: share of each head's dims that get rotary (Pythia 0.25)
 * @param rope                 rotary_emb_base (or rope_theta / rope_parameters) and scaling
 * @param maxPositionEmbeddings max_position_embeddings
 * @param layerNormEps         layer_norm_eps
 * @param useParallelResidual  use_parallel_residual: x + attn(ln1(x)) + mlp(ln2(x)) instead of serial
 * @param hiddenAct            hidden_act: "gelu" (exact, erf) in Pythia
 * @param attentionBias        attention_bias: biases on query_key_value and dense (default true)
 * @param tieWordEmbeddings    tie_word_embeddings (default false: embed_out is its own matrix)
 * @param bosTokenId           bos_token_id, may be null
 * @param eosTokenIds          eos_token_id, one or several
 * @param extra                every other key of config.json, kept for writing back
 */
public record GptNeoxConfig(int vocabSize, int hiddenSize, int intermediateSize, int numHiddenLayers,
        int numAttentionHeads, double rotaryPct, RopeParams rope, int maxPositionEmbeddings, double layerNormEps,
        boolean useParallelResidual, String hiddenAct, boolean attentionBias, boolean tieWordEmbeddings,
        Integer bosTokenId, List<Integer> eosTokenIds, ObjectNode extra) implements ModelConfig {

    public static final String MODEL_TYPE = "gpt_neox";

    public GptNeoxConfig {
        Objects.requireNonNull(hiddenAct, "hidden_act");
        Objects.requireNonNull(rope, "rope");
        eosTokenIds = eosTokenIds == null ? List.of() : List.copyOf(eosTokenIds);
        ConfigChecks.positive("vocab_size", vocabSize);
        ConfigChecks.positive("hidden_size", hiddenSize);
        ConfigChecks.positive("intermediate_size", intermediateSize);
        ConfigChecks.positive("num_hidden_layers", numHiddenLayers);
        ConfigChecks.positive("num_attention_heads", numAttentionHeads);
        ConfigChecks.positive("max_position_embeddings", maxPositionEmbeddings);
        if (hiddenSize % numAttentionHeads != 0) {
            throw new IllegalArgumentException("hidden_size " + hiddenSize + " is not divisible by num_attention_heads "
                    + numAttentionHeads);
        }
        if (!(rotaryPct > 0 && rotaryPct <= 1)) {
            throw new IllegalArgumentException("rotary_pct must be in (0, 1], got " + rotaryPct);
        }
        if (!(layerNormEps > 0)) {
            throw new IllegalArgumentException("layer_norm_eps must be positive");
        }
        extra = extra == null ? JsonNodeFactory.instance.objectNode() : extra.deepCopy();
    }

    /** Per-head width H / nH. */
    public int headDim() {
        return hiddenSize / numAttentionHeads;
    }

    /** Rotary dims per head: int(head_dim * rotary_pct), as transformers truncates it. */
    public int rotaryDim() {
        return (int) (headDim() * rotaryPct);
    }

    @Override
    public String modelType() {
        return MODEL_TYPE;
    }

    @Override
    public int maxPositions() {
        return maxPositionEmbeddings;
    }

    @Override
    public int numLayers() {
        return numHiddenLayers;
    }

    @Override
    public ObjectNode extra() {
        return extra.deepCopy();
    }
}
