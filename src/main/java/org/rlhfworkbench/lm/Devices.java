package org.rlhfworkbench.lm;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where models live and run: the system property {@value #PROPERTY} = cpu (default) or gpu. "gpu"
 * needs DJL's CUDA build of libtorch (mvn -Pcuda) and an NVIDIA GPU; without one the workbench
 * says so in the log and stays on the CPU. Every model manager is created on this device, and
 * everything computed from a model's tensors follows it.
 */
public final class Devices {
    public static final String PROPERTY = "rlhf.device";
    private static final Logger LOG = LoggerFactory.getLogger(Devices.class);

    private Devices() {
    }

    /** "cpu" or "gpu", as set; anything else counts as cpu. */
    public static String requested() {
        String v = System.getProperty(PROPERTY, "cpu").trim().toLowerCase(Locale.ROOT);
        return v.equals("gpu") || v.equals("cuda") ? "gpu" : "cpu";
    }

    /** The device to put models on: GPU 0 when asked for and present, else the CPU. */
    public static Device chosen() {
        if (requested().equals("cpu")) {
            return Device.cpu();
        }
        int gpus = Engine.getInstance().getGpuCount();
        if (gpus == 0) {
            LOG.warn("{}=gpu but PyTorch sees no CUDA GPU (CPU build of libtorch, or no driver); using the CPU",
                    PROPERTY);
            return Device.cpu();
        }
        return Device.gpu(0);
    }

    /** For the status bar: "CPU", "GPU 0 (CUDA, 1 visible)" or "CPU (no CUDA GPU found)". */
    public static String describe() {
        if (requested().equals("cpu")) {
            return "CPU";
        }
        Device d = chosen();
        return d.isGpu() ? "GPU " + d.getDeviceId() + " (CUDA, " + Engine.getInstance().getGpuCount() + " visible)"
                : "CPU (no CUDA GPU found)";
    }
}
