package org.rlhfworkbench.lm.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Llama config.json (transformers' LlamaConfig), keys named after HF's.
 *
 * @param vocabSize             vocab_size: rows of embed_tokens and lm_head
 * @param hiddenSize            hidden_size H
 * @param intermediateSize      intermediate_size I: MLP width (gate, up, down)
 * @param numHiddenLayers       num_hidden_layers
 * @param numAttentionHeads     num_attention_heads nH
 * @param numKeyValueHeads      num_key_value_heads nKV (grouped-query attention); nH must divide by it
 * @param rmsNormEps            rms_norm_eps
 * @param ropeTheta             rope_theta, the RoPE base (default 10000)
 * @param maxPositionEmbeddings max_position_embeddings
 * @param tieWordEmbeddings     tie_word_embeddings (default false)
 * @param bosTokenId            bos_token_id, may be null
 * @param eosTokenIds           eos_token_id: one id or several (Llama 3 lists three)
 * @param hiddenAct             hidden_act, "silu"
 * @param headDim               head_dim hd (default H / nH)
 * @param extra                 every other key of config.json, kept for writing back
 */
public record LlamaConfig(int vocabSize, int hiddenSize, int intermediateSize, int numHiddenLayers,
        int numAttentionHeads, int numKeyValueHeads, double rmsNormEps, double ropeTheta, int maxPositionEmbeddings,
        boolean tieWordEmbeddings, Integer bosTokenId, List<Integer> eosTokenIds, String hiddenAct, int headDim,
        ObjectNode extra) implements ModelConfig {

    public static final String MODEL_TYPE = "llama";

    public LlamaConfig {
        Objects.requireNonNull(hiddenAct, "hidden_act");
        eosTokenIds = eosTokenIds == null ? List.of() : List.copyOf(eosTokenIds);
        ConfigChecks.positive("vocab_size", vocabSize);
        ConfigChecks.positive("hidden_size", hiddenSize);
        ConfigChecks.positive("intermediate_size", intermediateSize);
        ConfigChecks.positive("num_hidden_layers", numHiddenLayers);
        ConfigChecks.positive("num_attention_heads", numAttentionHeads);
        ConfigChecks.positive("num_key_value_heads", numKeyValueHeads);
        ConfigChecks.positive("max_position_embeddings", maxPositionEmbeddings);
        ConfigChecks.positive("head_dim", headDim);
        if (numAttentionHeads % numKeyValueHeads != 0) {
            throw new IllegalArgumentException("num_attention_heads " + numAttentionHeads
                    + " is not divisible by num_key_value_heads " + numKeyValueHeads);
        }
        if (headDim % 2 != 0) {
            throw new IllegalArgumentException("head_dim " + headDim + " must be even for rotary embeddings");
        }
        if (!(rmsNormEps > 0) || !(ropeTheta > 0)) {
            throw new IllegalArgumentException("rms_norm_eps and rope_theta must be positive");
        }
        extra = extra == null ? JsonNodeFactory.instance.objectNode() : extra.deepCopy();
    }

    /**
     * A fresh config with transformers' defaults for the rest: kv heads = heads, head_dim = H / nH,
     * rms_norm_eps 1e-6, rope_theta 10000, silu, untied.
     */
    public static LlamaConfig of(int vocabSize, int hiddenSize, int intermediateSize, int numHiddenLayers,
            int numAttentionHeads, int maxPositionEmbeddings, Integer bosTokenId, List<Integer> eosTokenIds) {
        if (hiddenSize % numAttentionHeads != 0) {
            throw new IllegalArgumentException("hidden_size " + hiddenSize
                    + " is not divisible by num_attention_heads " + numAttentionHeads);
        }
        return new LlamaConfig(vocabSize, hiddenSize, intermediateSize, numHiddenLayers, numAttentionHeads,
                numAttentionHeads, 1e-6, 10000.0, maxPositionEmbeddings, false, bosTokenId, eosTokenIds, "silu",
                hiddenSize / numAttentionHeads, null);
    }

    /**
     * The "rope_scaling" object (e.g. Llama 3.1's {"rope_type": "llama3", ...}) when config.json has
     * one; RoPE must then be computed with it, not from rope_theta alone.
     */
    public Optional<ObjectNode> ropeScaling() {
        JsonNode node = extra.get("rope_scaling");
        return node instanceof ObjectNode object ? Optional.of(object.deepCopy()) : Optional.empty();
    }

    @Override
    public ObjectNode extra() {
        return extra.deepCopy();
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
}
