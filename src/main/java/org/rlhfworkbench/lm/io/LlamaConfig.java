package org.rlhfworkbench.lm.io;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * A config.json of the Llama family of decoders (transformers' LlamaConfig, and the families that
 * share its maths: MistralConfig, Qwen2Config, Qwen3Config), keys named after HF's.
 *
 * @param modelType             model_type: "llama", "mistral", "qwen2" or "qwen3"
 * @param vocabSize             vocab_size: rows of embed_tokens and lm_head
 * @param hiddenSize            hidden_size H
 * @param intermediateSize      intermediate_size I: MLP width (gate, up, down)
 * @param numHiddenLayers       num_hidden_layers
 * @param numAttentionHeads     num_attention_heads nH
 * @param numKeyValueHeads      num_key_value_heads nKV (grouped-query attention); nH must divide by it
 * @param rmsNormEps            rms_norm_eps
 * @param rope                  rope_theta / rope_scaling, or rope_parameters
 * @param maxPositionEmbeddings max_position_embeddings
 * @param tieWordEmbeddings     tie_word_embeddings (default false)
 * @param bosTokenId            bos_token_id, may be null
 * @param eosTokenIds           eos_token_id: one id or several (Llama 3 lists three)
 * @param hiddenAct             hidden_act, "silu"
 * @param headDim               head_dim hd (default H / nH; Qwen3 sets it explicitly)
 * @param layout                which optional tensors the family has (biases, q/k norms)
 * @param slidingWindow         attention window (Mistral's sliding_window), null when unlimited
 * @param extra                 every other key of config.json, kept for writing back
 */
public record LlamaConfig(String modelType, int vocabSize, int hiddenSize, int intermediateSize, int numHiddenLayers,
        int numAttentionHeads, int numKeyValueHeads, double rmsNormEps, RopeParams rope, int maxPositionEmbeddings,
        boolean tieWordEmbeddings, Integer bosTokenId, List<Integer> eosTokenIds, String hiddenAct, int headDim,
        Layout layout, Integer slidingWindow, ObjectNode extra) implements ModelConfig {

    public static final String MODEL_TYPE = "llama";

    /**
     * Optional tensors of a Llama-family block.
     *
     * @param qkvBias bias on q_proj, k_proj, v_proj (Qwen2; Llama's attention_bias)
     * @param oBias   bias on o_proj (Llama's attention_bias only)
     * @param mlpBias bias on gate_proj, up_proj, down_proj (Llama's mlp_bias)
     * @param qkNorm  per-head RMSNorm on q and k before RoPE (Qwen3's q_norm, k_norm)
     */
    public record Layout(boolean qkvBias, boolean oBias, boolean mlpBias, boolean qkNorm) {
        public static final Layout PLAIN = new Layout(false, false, false, false);
    }

    public LlamaConfig {
        Objects.requireNonNull(modelType, "model_type");
        Objects.requireNonNull(hiddenAct, "hidden_act");
        Objects.requireNonNull(rope, "rope");
        layout = layout == null ? Layout.PLAIN : layout;
        eosTokenIds = eosTokenIds == null ? List.of() : List.copyOf(eosTokenIds);
        ConfigChecks.positive("vocab_size", vocabSize);
        ConfigChecks.positive("hidden_size", hiddenSize);
        ConfigChecks.positive("intermediate_size", intermediateSize);
        ConfigChecks.positive("num_hidden_layers", numHiddenLayers);
        ConfigChecks.positive("num_attention_heads", numAttentionHeads);
        ConfigChecks.positive("num_key_value_heads", numKeyValueHeads);
        ConfigChecks.positive("max_position_embeddings", maxPositionEmbeddings);
        ConfigChecks.positive("head_dim", headDim);
        if (slidingWindow != null) {
            ConfigChecks.positive("sliding_window", slidingWindow);
        }
        if (numAttentionHeads % numKeyValueHeads != 0) {
            throw new IllegalArgumentException("num_attention_heads " + numAttentionHeads
                    + " is not divisible by num_key_value_heads " + numKeyValueHeads);
        }
        if (headDim % 2 != 0) {
            throw new IllegalArgumentException("head_dim " + headDim + " must be even for rotary embeddings");
        }
        if (!(rmsNormEps > 0)) {
            throw new IllegalArgumentException("rms_norm_eps must be positive");
        }
        extra = extra == null ? JsonNodeFactory.instance.objectNode() : extra.deepCopy();
    }

    /**
     * A fresh Llama config with transformers' defaults for the rest: kv heads = heads, head_dim = H / nH,
     * rms_norm_eps 1e-6, rope_theta 10000, silu, untied.
     */
    public static LlamaConfig of(int vocabSize, int hiddenSize, int intermediateSize, int numHiddenLayers,
            int numAttentionHeads, int maxPositionEmbeddings, Integer bosTokenId, List<Integer> eosTokenIds) {
        if (hiddenSize % numAttentionHeads != 0) {
            throw new IllegalArgumentException("hidden_size " + hiddenSize
                    + " is not divisible by num_attention_heads " + numAttentionHeads);
        }
        return new LlamaConfig(MODEL_TYPE, vocabSize, hiddenSize, intermediateSize, numHiddenLayers,
                numAttentionHeads, numAttentionHeads, 1e-6, RopeParams.plain(10000.0), maxPositionEmbeddings, false,
                bosTokenId, eosTokenIds, "silu", hiddenSize / numAttentionHeads, Layout.PLAIN, null, null);
    }

    /** The RoPE base (rope_theta). */
    public double ropeTheta() {
        return rope.theta();
    }

    @Override
    public ObjectNode extra() {
        return extra.deepCopy();
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
