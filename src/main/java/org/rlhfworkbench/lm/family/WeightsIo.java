package org.rlhfworkbench.lm.family;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rlhfworkbench.lm.io.NativeFloats;
import org.rlhfworkbench.lm.io.TensorData;
import org.rlhfworkbench.lm.io.TensorSpec;
import org.rlhfworkbench.lm.model.Weights;

/**
 * Checkpoint tensors to model weights and back. Only the tensors the family expects (and reward /
 * value heads stored beside them) are loaded, each widened to float32 straight into native memory;
 * tensors stored (in, out) (GPT-2's Conv1D) are transposed to the (out, in) layout of nn.Linear.
 */
public final class WeightsIo {
    private WeightsIo() {
    }

    /** The weights of a checked checkpoint, owned by {@code m} (float32; copies, so training may change them). */
    public static Weights load(NDManager m, Checkpoint cp) {
        ModelFamily family = ModelFamilies.of(cp.config());
        Weights w = new Weights(m);
        for (TensorSpec spec : family.tensors(cp.config())) {
            TensorData t = cp.tensors().get(spec.name());
            if (t != null) {
                w.put(spec.name(), toArray(m, t, family.storedTransposed(spec.name())));
            }
        }
        for (String head : ExpectedTensors.KNOWN_HEADS) {
            TensorData t = cp.tensors().get(head);
            if (t != null) {
                w.put(head, toArray(m, t, false));
            }
        }
        return w;
    }

    /**
     * On CPU, DJL wraps a direct buffer without copying and keeps it alive, so weights made that way
     * would count against the JVM's direct-memory limit (by default the heap size: a 0.5B model in
     * three copies would not fit). So the values are copied once into memory libtorch owns, and the
     * direct buffer is freed at once: at most one tensor is ever held twice.
     */
    private static NDArray toArray(NDManager m, TensorData t, boolean transposed) {
        java.nio.ByteBuffer floats = NativeFloats.of(t);
        NDArray owned;
        try (NDArray wrapped = m.create(floats, new Shape(t.shape()), DataType.FLOAT32);
             NDArray view = transposed ? wrapped.transpose() : null;
             NDArray flat = transposed ? view.flatten() : null) {
            // duplicate() (torch's clone) keeps a transposed view's strides; flatten() copies it into
            // row-major order, so every weight is (out, in) and contiguous, as the decode kernel reads it
            owned = transposed ? flat.reshape(view.getShape()) : wrapped.duplicate();
        }
        NativeFloats.free(floats);
        refuseNonFinite(owned, t);
        return owned;
    }

    /** NaN or Inf in stored weights would only show later as garbage text ("!!!!"): refuse them at load. */
    private static void refuseNonFinite(NDArray a, TensorData t) {
        boolean bad;
        try (NDArray nan = a.isNaN(); NDArray inf = a.isInfinite(); NDArray either = nan.logicalOr(inf);
             NDArray any = either.any()) {
            bad = any.getBoolean();
        }
        if (bad) {
            a.close();
            String where = t.source() != null ? t.source().file().toString() : "the checkpoint";
            throw new org.rlhfworkbench.lm.io.CheckpointException(where + ": tensor '" + t.name()
                    + "' holds NaN or infinite values; refusing to load it");
        }
    }

    /** Weights -> checkpoint tensors in HF layout (float32). */
    public static Map<String, TensorData> toTensors(ModelFamily family, Weights weights) {
        Map<String, TensorData> out = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : weights.all().entrySet()) {
            NDArray a = e.getValue();
            long[] shape = a.getShape().getShape();
            float[] values;
            if (family.storedTransposed(e.getKey())) {
                try (NDArray tr = a.transpose().duplicate()) {
                    values = tr.toFloatArray();
                }
                shape = new long[] {shape[1], shape[0]};
            } else {
                values = a.toFloatArray();
            }
            out.put(e.getKey(), TensorData.ofFloats(e.getKey(), shape, values));
        }
        return out;
    }
}
