package org.rlhfworkbench.lm.lora;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rlhfworkbench.lm.io.CheckpointException;
import org.rlhfworkbench.lm.io.NativeFloats;
import org.rlhfworkbench.lm.io.TensorData;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.lm.model.Weights;

/**
 * A LoRA adapter as read from a PEFT folder: per module A (r, in) and B (out, r) with its scaling,
 * plus the fully trained modules PEFT keeps under modules_to_save (e.g. a reward model's "score").
 *
 * @param base base_model_name_or_path as written
 * @param a lora_A by module name (HF's, e.g. "model.layers.0.self_attn.q_proj")
 * @param b lora_B by module name
 * @param scale s per module: alpha / r, or alpha / sqrt(r) with use_rslora
 * @param saved modules_to_save tensors by HF tensor name (e.g. "score.weight")
 */
public record PeftAdapter(Path folder, String base, float alpha, boolean rsLora, float dropout,
                          Map<String, TensorData> a, Map<String, TensorData> b, Map<String, Float> scale,
                          Map<String, TensorData> saved) {

    /** The adapter's tensors on {@code model}'s weights, shapes checked; not attached. */
    public LoraAdapter toAdapter(CausalLm model) {
        NDManager m = model.manager().newSubManager();
        try {
            Map<String, LoraAdapter.Module> modules = new LinkedHashMap<>();
            for (Map.Entry<String, TensorData> e : a.entrySet()) {
                String module = e.getKey();
                Weights w = model.weights();
                if (!w.has(module + ".weight")) {
                    throw new CheckpointException(file() + ": " + module + " is not a linear layer of the base model "
                            + base);
                }
                Shape ws = w.get(module + ".weight").getShape();                     // (out, in)
                TensorData ta = e.getValue();
                TensorData tb = b.get(module);
                long r = ta.shape()[0];
                check(ta, new long[] {r, ws.get(1)});
                check(tb, new long[] {ws.get(0), r});
                NDArray aArr = m.create(NativeFloats.of(ta), new Shape(ta.shape()), DataType.FLOAT32);
                NDArray bArr = m.create(NativeFloats.of(tb), new Shape(tb.shape()), DataType.FLOAT32);
                NDScope.unregister(aArr, bArr);
                modules.put(module, new LoraAdapter.Module(aArr, bArr, scale.get(module)));
            }
            return new LoraAdapter(m, modules, dropout);
        } catch (RuntimeException e) {
            m.close();
            throw e;
        }
    }

    /**
     * Folds the adapter into {@code model}'s weights (W' = W + s B A) and puts the modules_to_save
     * tensors among them: the model then computes what base + adapter compute, at the base's speed.
     */
    public void mergeInto(CausalLm model) {
        try (LoraAdapter adapter = toAdapter(model)) {
            adapter.mergeInto(model.weights());
        }
        for (Map.Entry<String, TensorData> e : saved.entrySet()) {
            TensorData t = e.getValue();
            NDArray arr = model.manager().create(NativeFloats.of(t), new Shape(t.shape()), DataType.FLOAT32);
            NDScope.unregister(arr);
            model.weights().put(e.getKey(), arr);
        }
    }

    private void check(TensorData t, long[] expected) {
        if (!Arrays.equals(t.shape(), expected)) {
            throw new CheckpointException(file() + ": " + t.name() + " has shape " + Arrays.toString(t.shape())
                    + " but the base model " + base + " needs " + Arrays.toString(expected));
        }
    }

    private Path file() {
        return folder.resolve(PeftAdapters.WEIGHTS);
    }
}
