package org.rlhfworkbench.lm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.rlhfworkbench.lm.io.CheckpointException;
import org.rlhfworkbench.lm.io.Gpt2Config;
import org.rlhfworkbench.lm.io.LlamaConfig;
import org.rlhfworkbench.lm.io.ModelConfig;
import org.rlhfworkbench.lm.io.TensorData;

/**
 * Maps HF configs and tensors to the DJL models and back. GPT-2's Conv1D weights are stored
 * (in, out) in checkpoints and held (out, in) in memory; the transpose happens here, in Java.
 */
public final class Architectures {
    private static final Set<String> CONV1D = Set.of("attn.c_attn.weight", "attn.c_proj.weight",
            "mlp.c_fc.weight", "mlp.c_proj.weight");

    private Architectures() {
    }

    public static ModelShape shape(ModelConfig config) {
        if (config instanceof Gpt2Config g) {
            return new ModelShape(g.vocabSize(), g.nEmbd(), g.innerSize(), g.nLayer(), g.nHead(), g.nHead(),
                    g.headDim(), g.nPositions());
        }
        LlamaConfig l = (LlamaConfig) config;
        return new ModelShape(l.vocabSize(), l.hiddenSize(), l.intermediateSize(), l.numHiddenLayers(),
                l.numAttentionHeads(), l.numKeyValueHeads(), l.headDim(), l.maxPositionEmbeddings());
    }

    /** Builds the model over given weights, refusing config options this code does not implement. */
    public static CausalLm build(ModelConfig config, Weights weights, Path folder) {
        ModelShape shape = shape(config);
        if (config instanceof Gpt2Config g) {
            requireNot(g.extra().path("scale_attn_by_inverse_layer_idx").asBoolean(false),
                    "scale_attn_by_inverse_layer_idx", folder);
            requireNot(g.extra().path("reorder_and_upcast_attn").asBoolean(false), "reorder_and_upcast_attn", folder);
            requireNot(!g.extra().path("scale_attn_weights").asBoolean(true), "scale_attn_weights=false", folder);
            String act = g.activationFunction();
            requireNot(!act.equals("gelu_new") && !act.equals("gelu_pytorch_tanh"), "activation_function " + act, folder);
            return new Gpt2Lm(weights, shape, (float) g.layerNormEpsilon());
        }
        LlamaConfig l = (LlamaConfig) config;
        requireNot(l.ropeScaling().isPresent(), "rope_scaling", folder);
        requireNot(!l.hiddenAct().equals("silu"), "hidden_act " + l.hiddenAct(), folder);
        return new LlamaLm(weights, shape, (float) l.rmsNormEps(), l.ropeTheta());
    }

    /** Checkpoint tensors -> weights owned by {@code m} (copied, so training may change them). */
    public static Weights toWeights(NDManager m, ModelConfig config, Map<String, TensorData> tensors) {
        Weights w = new Weights(m);
        boolean gpt2 = config instanceof Gpt2Config;
        for (TensorData t : tensors.values()) {
            long[] shape = t.shape();
            float[] values = t.toFloats();
            if (gpt2 && isConv1d(t.name())) {
                values = transpose(values, (int) shape[0], (int) shape[1]);
                shape = new long[] {shape[1], shape[0]};
            }
            w.put(t.name(), m.create(values, new Shape(shape)));
        }
        return w;
    }

    /** Weights -> checkpoint tensors in HF layout (float32). */
    public static Map<String, TensorData> toTensors(ModelConfig config, Weights weights) {
        Map<String, TensorData> out = new LinkedHashMap<>();
        boolean gpt2 = config instanceof Gpt2Config;
        for (Map.Entry<String, NDArray> e : weights.all().entrySet()) {
            long[] shape = e.getValue().getShape().getShape();
            float[] values = e.getValue().toFloatArray();
            if (gpt2 && isConv1d(e.getKey())) {
                values = transpose(values, (int) shape[0], (int) shape[1]);
                shape = new long[] {shape[1], shape[0]};
            }
            out.put(e.getKey(), TensorData.ofFloats(e.getKey(), shape, values));
        }
        return out;
    }

    static boolean isConv1d(String name) {
        return name.startsWith("transformer.h.") && CONV1D.stream().anyMatch(name::endsWith);
    }

    static float[] transpose(float[] a, int rows, int cols) {
        float[] out = new float[a.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[c * rows + r] = a[r * cols + c];
            }
        }
        return out;
    }

    private static void requireNot(boolean unsupported, String what, Path folder) {
        if (unsupported) {
            throw new CheckpointException(folder.resolve("config.json") + ": " + what + " is not supported");
        }
    }
}
