package org.rlhfworkbench.jobs.cluster;

import java.util.Locale;

/** The engines a project can be exported to for training at cluster scale. */
public enum ClusterEngine {
    /** OpenRLHF: Ray + DeepSpeed + vLLM; SFT, RM and DPO through deepspeed, PPO through `ray job submit`. */
    OPENRLHF,
    /** Hugging Face TRL with Accelerate: the `trl` CLI and TRL's example scripts. */
    TRL;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ClusterEngine parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown engine '" + s + "'; expected openrlhf or trl", e);
        }
    }
}
