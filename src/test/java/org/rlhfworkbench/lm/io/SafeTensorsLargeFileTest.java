package org.rlhfworkbench.lm.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Files over 2 GiB, made sparse so that they cost no disk: each tensor gets its own mapping. */
@EnabledOnOs(OS.LINUX)
class SafeTensorsLargeFileTest {
    private static final long GIGA = 1_100_000_000L;
    @TempDir
    Path dir;

    private Path sparseFile(String header, long dataBytes) throws IOException {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve("large.safetensors");
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(json.length).array());
            out.write(json);
            out.setLength(8 + json.length + dataBytes);
        }
        return file;
    }

    @Test
    void readsTensorsBeyondTheFirstTwoGigabytes() throws IOException {
        Path file = sparseFile("{\"a\":{\"dtype\":\"U8\",\"shape\":[" + GIGA + "],\"data_offsets\":[0," + GIGA + "]},"
                + "\"b\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[" + GIGA + "," + (GIGA + 4) + "]},"
                + "\"c\":{\"dtype\":\"U8\",\"shape\":[" + GIGA + "],\"data_offsets\":[" + (GIGA + 4) + ","
                + (2 * GIGA + 4) + "]}}", 2 * GIGA + 4);
        Map<String, TensorData> tensors = SafeTensors.read(file);
        assertThat(tensors.get("c").byteSize()).isEqualTo(GIGA);
        assertThat(tensors.get("b").toFloats()).containsExactly(0f, 0f);
        assertThat(tensors.get("c").data().get((int) GIGA - 1)).isZero();
    }

    @Test
    void aSingleTensorOverTwoGigabytesIsRefused() throws IOException {
        long size = 2 * GIGA;
        Path file = sparseFile("{\"big\":{\"dtype\":\"U8\",\"shape\":[" + size + "],\"data_offsets\":[0," + size
                + "]}}", size);
        assertThatThrownBy(() -> SafeTensors.read(file)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("tensor 'big' is 2200000000 bytes");
    }
}
