package org.rlhfworkbench.train.pretrain;

/**
 * Pretraining hyperparameters, saved as pretrain.json beside the model with its seed.
 *
 * @param preset the named size this came from
 * @param vocabSize BPE vocabulary incl. the 256 bytes and the EOS token; small corpora need few merges
 * @param context tokens per training window, also the model's n_positions
 * @param layers transformer blocks
 * @param embd residual width n_embd
 * @param heads attention heads (embd divisible by heads)
 * @param steps optimiser steps
 * @param batchSize windows per step
 * @param learningRate peak AdamW learning rate; small models tolerate 1e-3 (nanoGPT's shakespeare-char)
 * @param warmupSteps linear warm-up, avoids early divergence with Adam
 * @param seed seeds model init, window sampling and the validation split
 * @param evalEvery steps between validation losses
 * @param valFraction share of documents held out for validation
 */
public record PretrainConfig(String preset, int vocabSize, int context, int layers, int embd, int heads, int steps,
                             int batchSize, float learningRate, int warmupSteps, long seed, int evalEvery,
                             double valFraction) {

    /** The bundled sample's base model: a few million parameters, under 20 MB on disk. */
    public static PretrainConfig tiny() {
        return new PretrainConfig("tiny", 2048, 128, 4, 192, 6, 2000, 16, 1e-3f, 100, 1234, 100, 0.05);
    }

    /** A larger model for longer corpora. */
    public static PretrainConfig small() {
        return new PretrainConfig("small", 8192, 256, 6, 384, 6, 5000, 16, 6e-4f, 200, 1234, 250, 0.05);
    }

    public static PretrainConfig preset(String name) {
        return switch (name) {
            case "tiny" -> tiny();
            case "small" -> small();
            default -> throw new IllegalArgumentException("unknown preset '" + name + "'; expected tiny or small");
        };
    }

    public PretrainConfig withSteps(int n) {
        return new PretrainConfig(preset, vocabSize, context, layers, embd, heads, n, batchSize, learningRate,
                Math.min(warmupSteps, Math.max(1, n / 10)), seed, evalEvery, valFraction);
    }

    public PretrainConfig withSeed(long s) {
        return new PretrainConfig(preset, vocabSize, context, layers, embd, heads, steps, batchSize, learningRate,
                warmupSteps, s, evalEvery, valFraction);
    }

    public PretrainConfig withSize(int vocab, int ctx, int nLayers, int nEmbd, int nHeads) {
        return new PretrainConfig(preset, vocab, ctx, nLayers, nEmbd, nHeads, steps, batchSize, learningRate,
                warmupSteps, seed, evalEvery, valFraction);
    }
}
