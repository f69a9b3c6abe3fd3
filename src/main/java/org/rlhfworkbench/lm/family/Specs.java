package org.rlhfworkbench.lm.family;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import org.rlhfworkbench.lm.io.CheckpointException;
import org.rlhfworkbench.lm.io.TensorSpec;

/** Small helpers the family files share: tensor specs, name normalisation, refusals. */
final class Specs {
    private Specs() {
    }

    static TensorSpec of(String name, long... shape) {
        return new TensorSpec(name, shape, false);
    }

    /** lm_head.weight (V, H), optional when tied to the token embedding. */
    static TensorSpec lmHead(long vocab, long hidden, boolean tied) {
        return new TensorSpec("lm_head.weight", new long[] {vocab, hidden}, tied);
    }

    /** Adds {@code prefix} to names matching {@code bare}; empty for buffers matching {@code buffer}. */
    static Optional<String> canonical(String stored, Pattern bare, String prefix, Pattern buffer) {
        String canonical = bare.matcher(stored).matches() ? prefix + stored : stored;
        return buffer.matcher(canonical).matches() ? Optional.empty() : Optional.of(canonical);
    }

    static void refuse(boolean unsupported, String what, Path folder) {
        if (unsupported) {
            throw new CheckpointException(folder.resolve("config.json") + ": " + what + " is not supported");
        }
    }
}
