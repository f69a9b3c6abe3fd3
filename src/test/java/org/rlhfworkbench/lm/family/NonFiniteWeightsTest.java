package org.rlhfworkbench.lm.family;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.lm.io.CheckpointException;
import org.rlhfworkbench.lm.io.SafeTensors;
import org.rlhfworkbench.lm.io.TensorData;

/** A checkpoint with NaN or Inf in a weight is refused at load, naming the file and the tensor. */
class NonFiniteWeightsTest {
    @Test
    void nanInAWeightIsRefusedWithItsName(@TempDir Path tmp) throws Exception {
        Path from = FamilyGoldenTest.folder("llama");
        Files.copy(from.resolve("config.json"), tmp.resolve("config.json"));
        Map<String, TensorData> tensors = new LinkedHashMap<>(SafeTensors.read(from.resolve("model.safetensors")));
        String name = "model.layers.1.mlp.up_proj.weight";
        TensorData t = tensors.get(name);
        float[] values = t.toFloats();
        values[17] = Float.NaN;
        tensors.put(name, TensorData.ofFloats(name, t.shape(), values));
        SafeTensors.write(tmp.resolve("model.safetensors"), tensors, Map.of("format", "pt"));
        Checkpoint cp = Checkpoints.load(tmp);
        try (NDManager m = NDManager.newBaseManager()) {
            assertThatThrownBy(() -> WeightsIo.load(m, cp)).isInstanceOf(CheckpointException.class)
                    .hasMessageContaining(tmp.resolve("model.safetensors").toString())
                    .hasMessageContaining("tensor '" + name + "' holds NaN or infinite values");
        }
    }
}
