package org.rlhfworkbench.cli;

import java.util.Map;
import picocli.CommandLine.Option;

/** `--checkpoint-every N`, shared by every trainer command: sets the config's checkpointEvery when given. */
final class CheckpointOption {
    @Option(names = "--checkpoint-every", paramLabel = "N", description = "steps between resumable checkpoints"
            + " (default: scaled to the run, about ten per run and at most 50 steps apart)")
    Integer every;

    /** {@code config} (any record with a checkpointEvery field) with N in it, or unchanged without the option. */
    <T> T apply(T config) {
        if (every == null) {
            return config;
        }
        if (every < 1) {
            throw new IllegalArgumentException("--checkpoint-every must be 1 or more, was " + every);
        }
        return ConfigOverrides.apply(config, Map.of("checkpointEvery", Integer.toString(every)));
    }
}
