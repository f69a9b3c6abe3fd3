package org.rlhfworkbench.lm.io;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every malformed file fails with a CheckpointException naming the file and the fault. */
class SafeTensorsBadInputTest {
    @TempDir
    Path dir;

    private void assertRejected(Path file, String expected) {
        assertThatThrownBy(() -> SafeTensors.read(file)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining(expected);
    }

    @Test
    void fileShorterThanEightBytes() throws IOException {
        Path file = Files.write(dir.resolve("short.safetensors"), new byte[] {1, 2, 3, 4, 5});
        assertRejected(file, "shorter than the 8-byte header length");
    }

    @Test
    void headerLengthBeyondFileSize() throws IOException {
        Path file = Files.write(dir.resolve("long.safetensors"),
                ByteBuffer.allocate(18).order(ByteOrder.LITTLE_ENDIAN).putLong(1000).array());
        assertRejected(file, "header length 1000 is beyond the file size 18");
    }

    @Test
    void headerLengthWithTheTopBitSet() throws IOException {
        Path file = Files.write(dir.resolve("huge.safetensors"), new byte[] {-1, -1, -1, -1, -1, -1, -1, -1, '{', '}'});
        assertRejected(file, "header length 18446744073709551615 is beyond the file size 10");
    }

    @Test
    void truncatedFile() throws IOException {
        Path good = dir.resolve("good.safetensors");
        SafeTensors.write(good, Map.of("w", TensorData.ofFloats("w", new long[] {4}, new float[] {1, 2, 3, 4})), null);
        byte[] bytes = Files.readAllBytes(good);
        Path file = Files.write(dir.resolve("cut.safetensors"), Arrays.copyOf(bytes, bytes.length - 5));
        assertRejected(file, "file is truncated: the header declares 16 bytes of tensor data but only 11");
    }

    @Test
    void missingFile() {
        assertRejected(dir.resolve("absent.safetensors"), "file not found");
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', textBlock = """
        {not json                                                              | 0  | header is not valid JSON
        [1, 2]                                                                 | 0  | header is not a JSON object
        {"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}} | 8 | Duplicate field 'a'
        {"w":{"dtype":"Q4","shape":[2],"data_offsets":[0,8]}}                  | 8  | tensor 'w' has unknown dtype "Q4"
        {"w":{"shape":[2],"data_offsets":[0,8]}}                               | 8  | tensor 'w' has unknown dtype
        {"w":{"dtype":"F32","shape":[2],"data_offsets":[8,0]}}                 | 8  | tensor 'w' has data_offsets [8,0] out of range
        {"w":{"dtype":"F32","shape":[2],"data_offsets":[-8,0]}}                | 8  | tensor 'w' has data_offsets [-8,0] out of range
        {"w":{"dtype":"F32","shape":[2],"data_offsets":[0]}}                   | 8  | tensor 'w' has data_offsets [0] out of range
        {"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[100,108]}} | 16 | tensor 'b' data_offsets [100, 108] out of range: the data section after the header holds only 16 bytes
        {"w":{"dtype":"F32","shape":[2],"data_offsets":[0,4]}}                 | 4  | tensor 'w' data_offsets [0, 4] span 4 bytes, but shape [2] of F32 needs 8
        {"w":{"dtype":"F32","shape":[2,-1],"data_offsets":[0,4]}}              | 4  | tensor 'w' has invalid shape [2,-1]
        {"w":{"dtype":"F32","shape":"2","data_offsets":[0,4]}}                 | 4  | tensor 'w' has invalid shape "2"
        {"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}} | 12 | tensor 'b' data_offsets [4, 12] overlap tensor 'a' [0, 8]
        {"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"b":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}} | 12 | tensor 'b' data_offsets [8, 12] leave a gap of 4 bytes
        {"w":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}                 | 6  | 2 unexpected bytes after the last tensor
        {"__metadata__":{"format":1}}                                          | 0  | __metadata__ value for 'format' must be a string
        {"w":[1,2]}                                                            | 0  | entry for tensor 'w' is not an object
        """)
    void malformedHeader(String header, int dataBytes, String expected) throws IOException {
        assertRejected(Fixtures.safetensorsFile(dir, header, dataBytes), expected);
    }
}
