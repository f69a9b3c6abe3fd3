package org.rlhfworkbench.lm.optim;

/**
 * AdamW hyperparameters.
 *
 * @param beta1 0.9: the usual momentum for transformers
 * @param beta2 0.95: shorter second-moment memory, steadier for small-batch LM training (GPT-3, nanoGPT)
 * @param eps 1e-8: only guards the division
 * @param weightDecay 0.1: GPT-style regularisation of matrices; norms and biases are exempt
 * @param clipNorm 1.0: global gradient-norm clip, the common default
 */
public record OptimizerConfig(float beta1, float beta2, float eps, float weightDecay, float clipNorm) {
    public static OptimizerConfig defaults() {
        return new OptimizerConfig(0.9f, 0.95f, 1e-8f, 0.1f, 1.0f);
    }
}
