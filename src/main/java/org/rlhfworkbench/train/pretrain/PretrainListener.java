package org.rlhfworkbench.train.pretrain;

/** Progress of a pretraining run: one call per step, and one per validation. */
public interface PretrainListener {
    PretrainListener NONE = new PretrainListener() { };

    default void onStep(long step, int total, float loss, float lr, double tokensPerSecond) {
    }

    default void onValidation(long step, float loss) {
    }

    default void onMessage(String message) {
    }
}
