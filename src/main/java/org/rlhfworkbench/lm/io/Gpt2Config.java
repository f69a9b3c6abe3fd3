package org.rlhfworkbench.lm.io;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * A GPT-2 config.json (transformers' GPT2Config), keys named after HF's.
 *
 * @param vocabSize          vocab_size: rows of wte and lm_head
 * @param nPositions         n_positions: rows of wpe, the longest sequence
 * @param nEmbd              n_embd: residual width E
 * @param nLayer             n_layer: transformer blocks
 * @param nHead              n_head: attention heads; E must divide by it
 * @param nInner             n_inner: MLP width, null for the default 4*E (see {@link #innerSize()})
 * @param layerNormEpsilon   layer_norm_epsilon
 * @param activationFunction activation_function, "gelu_new" in GPT-2 (tanh approximation)
 * @param bosTokenId         bos_token_id, may be null
 * @param eosTokenId         eos_token_id, may be null
 * @param tieWordEmbeddings  tie_word_embeddings (default true): lm_head is wte
 * @param extra              every other key of config.json, kept for writing back
 */
public record Gpt2Config(int vocabSize, int nPositions, int nEmbd, int nLayer, int nHead, Integer nInner,
        double layerNormEpsilon, String activationFunction, Integer bosTokenId, Integer eosTokenId,
        boolean tieWordEmbeddings, ObjectNode extra) implements ModelConfig {

    public static final String MODEL_TYPE = "gpt2";

    public Gpt2Config {
        Objects.requireNonNull(activationFunction, "activation_function");
        ConfigChecks.positive("vocab_size", vocabSize);
        ConfigChecks.positive("n_positions", nPositions);
        ConfigChecks.positive("n_embd", nEmbd);
        ConfigChecks.positive("n_layer", nLayer);
        ConfigChecks.positive("n_head", nHead);
        if (nInner != null) {
            ConfigChecks.positive("n_inner", nInner);
        }
        if (nEmbd % nHead != 0) {
            throw new IllegalArgumentException("n_embd " + nEmbd + " is not divisible by n_head " + nHead);
        }
        if (!(layerNormEpsilon > 0)) {
            throw new IllegalArgumentException("layer_norm_epsilon must be positive, got " + layerNormEpsilon);
        }
        extra = extra == null ? JsonNodeFactory.instance.objectNode() : extra.deepCopy();
    }

    /** A fresh config with transformers' defaults for everything not given (gelu_new, eps 1e-5, tied). */
    public static Gpt2Config of(int vocabSize, int nPositions, int nEmbd, int nLayer, int nHead,
            Integer bosTokenId, Integer eosTokenId) {
        return new Gpt2Config(vocabSize, nPositions, nEmbd, nLayer, nHead, null, 1e-5, "gelu_new",
                bosTokenId, eosTokenId, true, null);
    }

    /** MLP width: n_inner, or 4 * n_embd when n_inner is null. */
    public int innerSize() {
        return nInner != null ? nInner : 4 * nEmbd;
    }

    /** Per-head width: n_embd / n_head. */
    public int headDim() {
        return nEmbd / nHead;
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
        return nPositions;
    }

    @Override
    public List<Integer> eosTokenIds() {
        return eosTokenId == null ? List.of() : List.of(eosTokenId);
    }

    @Override
    public int numLayers() {
        return nLayer;
    }

    @Override
    public int hiddenSize() {
        return nEmbd;
    }
}
