package org.rlhfworkbench.lm.io;

import org.rlhfworkbench.lm.family.HfConfig;
import org.rlhfworkbench.lm.family.ExpectedTensors;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeTensorsTest {
    @TempDir
    Path dir;

    private static Map<String, TensorData> mixedTensors() {
        Map<String, TensorData> tensors = new LinkedHashMap<>();
        tensors.put("b.weight", TensorData.ofFloats("b.weight", new long[] {2, 3}, new float[] {1, 2, 3, 4, 5, 6}));
        tensors.put("a.half", Fixtures.raw("a.half", DType.F16, new long[] {2}, 0x00, 0x3C, 0x00, 0xC0));
        tensors.put("c.bf16", Fixtures.raw("c.bf16", DType.BF16, new long[] {1}, 0x80, 0x3F));
        tensors.put("ids", Fixtures.raw("ids", DType.I64, new long[] {}, 7, 0, 0, 0, 0, 0, 0, 0));
        tensors.put("mask", Fixtures.raw("mask", DType.BOOL, new long[] {3}, 1, 0, 1));
        tensors.put("empty", Fixtures.raw("empty", DType.F32, new long[] {0, 4}));
        return tensors;
    }

    @Test
    void writeReadWriteGivesIdenticalBytes() throws IOException {
        Path first = dir.resolve("first.safetensors");
        Path second = dir.resolve("second.safetensors");
        SafeTensors.write(first, mixedTensors(), Map.of("format", "pt", "note", "ü"));
        SafeTensorsFile read = SafeTensors.open(first);
        SafeTensors.write(second, read.tensors(), read.metadata());

        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
        assertThat(read.tensors()).isEqualTo(mixedTensors());
        assertThat(read.metadata()).containsExactly(Map.entry("format", "pt"), Map.entry("note", "ü"));
    }

    @Test
    void headerFollowsTheSpecAndHuggingFaceOrder() throws IOException {
        Path file = dir.resolve("m.safetensors");
        SafeTensors.write(file, mixedTensors(), Map.of("format", "pt"));
        byte[] bytes = Files.readAllBytes(file);
        long length = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        String header = new String(bytes, 8, (int) length, StandardCharsets.UTF_8);

        assertThat(length % 8).isZero();
        assertThat(header).startsWith("{\"__metadata__\":{\"format\":\"pt\"},\"ids\":{\"dtype\":\"I64\",\"shape\":[],"
                + "\"data_offsets\":[0,8]},\"b.weight\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[8,32]}");
        assertThat(header.strip()).endsWith("\"mask\":{\"dtype\":\"BOOL\",\"shape\":[3],\"data_offsets\":[38,41]}}");
        assertThat(header.substring(header.strip().length())).matches(" *");
        assertThat(SafeTensors.read(file).keySet())
                .containsExactly("ids", "b.weight", "empty", "c.bf16", "a.half", "mask");
        assertThat(bytes.length).isEqualTo(8 + length + 41);
    }

    @Test
    void noMetadataWritesNoMetadataKey() throws IOException {
        Path file = dir.resolve("m.safetensors");
        SafeTensors.write(file, Map.of(), null);
        assertThat(Files.readAllBytes(file))
                .containsExactly(8, 0, 0, 0, 0, 0, 0, 0, '{', '}', ' ', ' ', ' ', ' ', ' ', ' ');
        assertThat(SafeTensors.open(file).metadata()).isEmpty();
    }

    @Test
    void overwritingLeavesNoTemporaryFiles() throws IOException {
        Path file = dir.resolve("m.safetensors");
        SafeTensors.write(file, mixedTensors(), Map.of());
        SafeTensors.write(file, Map.of(), Map.of());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
        assertThat(SafeTensors.read(file)).isEmpty();
    }

    @Test
    void realTinyGpt2FileMatchesItsConfig() {
        Path folder = Fixtures.tinyGpt2();
        Map<String, TensorData> tensors = SafeTensors.read(folder.resolve("model.safetensors"));
        ModelConfig config = HfConfig.read(folder);

        assertThat(tensors).hasSize(28).containsKey("transformer.h.1.mlp.c_proj.weight");
        assertThat(tensors.get("transformer.wte.weight").shape()).containsExactly(50257, 2);
        assertThat(tensors.get("transformer.h.0.attn.c_attn.weight").shape()).containsExactly(2, 6);
        assertThat(tensors.get("transformer.h.0.attn.c_attn.bias").toFloats()).hasSize(6);
        for (TensorSpec spec : ExpectedTensors.of(config)) {
            if (!spec.optional()) {
                assertThat(tensors.get(spec.name()).shape()).as(spec.name()).isEqualTo(spec.shape());
            }
        }
        ExpectedTensors.check(tensors, config, folder);
        assertThat(SafeTensors.readMetadata(folder.resolve("model.safetensors")))
                .containsExactly(Map.entry("format", "pt"));
    }

    @Test
    void rewritingTheRealFileReproducesHuggingFaceBytesExactly() throws IOException {
        Path original = Fixtures.tinyGpt2().resolve("model.safetensors");
        SafeTensorsFile read = SafeTensors.open(original);
        Path copy = dir.resolve("copy.safetensors");
        SafeTensors.write(copy, read.tensors(), read.metadata());
        assertThat(Files.readAllBytes(copy)).isEqualTo(Files.readAllBytes(original));
    }
}
