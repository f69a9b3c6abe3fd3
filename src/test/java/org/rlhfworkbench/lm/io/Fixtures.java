package org.rlhfworkbench.lm.io;

import org.rlhfworkbench.lm.family.ExpectedTensors;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** Shared test helpers: the real tiny-gpt2 folder, random tensors for a config, hand-made files. */
final class Fixtures {
    private Fixtures() {
    }

    /** ../shared/models/tiny-gpt2, or the test is skipped when the shared folder is absent. */
    static Path tinyGpt2() {
        Path folder = Path.of(System.getProperty("rlhf.shared.dir", "../shared"), "models", "tiny-gpt2");
        assumeTrue(Files.isRegularFile(folder.resolve("model.safetensors")), "no shared tiny-gpt2 at " + folder);
        return folder;
    }

    /** Every expected tensor of {@code config} (lm_head only when untied), filled with seeded noise. */
    static Map<String, TensorData> randomTensors(ModelConfig config, long seed) {
        Random random = new Random(seed);
        Map<String, TensorData> tensors = new LinkedHashMap<>();
        for (TensorSpec spec : ExpectedTensors.of(config)) {
            if (spec.optional()) {
                continue;
            }
            float[] values = new float[Math.toIntExact(TensorData.elementCount(spec.shape()))];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) random.nextGaussian();
            }
            tensors.put(spec.name(), TensorData.ofFloats(spec.name(), spec.shape(), values));
        }
        return tensors;
    }

    static TensorData raw(String name, DType dtype, long[] shape, int... bytes) {
        ByteBuffer buffer = ByteBuffer.allocate(bytes.length);
        for (int b : bytes) {
            buffer.put((byte) b);
        }
        return new TensorData(name, dtype, shape, buffer.flip());
    }

    /** A file made of an 8-byte little-endian length, {@code header} and {@code dataBytes} bytes. */
    static Path safetensorsFile(Path folder, String header, int dataBytes) throws IOException {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer bytes = ByteBuffer.allocate(8 + json.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putLong(json.length).put(json);
        Path file = folder.resolve("bad.safetensors");
        Files.write(file, bytes.array());
        return file;
    }

    static void writeConfig(Path folder, String json) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("config.json"), json);
    }
}
