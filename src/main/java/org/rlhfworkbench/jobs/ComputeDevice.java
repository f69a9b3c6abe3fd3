package org.rlhfworkbench.jobs;

import org.rlhfworkbench.lm.Devices;

/**
 * The compute device for the screens, which must not touch DJL: the rlhf.device setting and what
 * PyTorch found. May load the native engine when a GPU is asked for, so call it off the UI thread.
 */
public final class ComputeDevice {
    private ComputeDevice() {
    }

    /** "CPU", "GPU 0 (CUDA, 1 visible)" or "CPU (no CUDA GPU found)". */
    public static String statusText() {
        return Devices.describe();
    }
}
