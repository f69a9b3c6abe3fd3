package org.rlhfworkbench.lm.io;

import java.util.Arrays;
import java.util.Objects;

/**
 * A tensor a checkpoint must (or, when optional, may) hold: HF name and shape.
 *
 * @param optional true for lm_head.weight when the config ties it to the token embedding
 */
public record TensorSpec(String name, long[] shape, boolean optional) {
    public TensorSpec {
        Objects.requireNonNull(name, "name");
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TensorSpec that && name.equals(that.name) && Arrays.equals(shape, that.shape)
                && optional == that.optional;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(shape), optional);
    }

    @Override
    public String toString() {
        return name + " " + Arrays.toString(shape) + (optional ? " (optional)" : "");
    }
}
