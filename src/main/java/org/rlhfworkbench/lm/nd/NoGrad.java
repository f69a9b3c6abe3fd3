package org.rlhfworkbench.lm.nd;

import ai.djl.pytorch.jni.JniUtils;

/**
 * PyTorch's grad mode is per thread and is ON in every new thread, while DJL turns it on only
 * inside a GradientCollector and restores the previous state when that closes. Code that runs
 * on its own thread (training jobs, generation workers) calls {@link #enter()} first, so
 * inference builds no autograd graph and optimiser updates may change leaf tensors in place.
 */
public final class NoGrad {
    private NoGrad() {
    }

    /** True when the calling thread records no autograd graph (inference). */
    public static boolean isOn() {
        return !JniUtils.isGradMode();
    }

    /** Turns autograd recording off for the calling thread. */
    public static void enter() {
        if (JniUtils.isGradMode()) {
            JniUtils.setGradMode(false);
        }
    }
}
