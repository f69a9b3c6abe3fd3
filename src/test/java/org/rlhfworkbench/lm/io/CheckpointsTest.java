package org.rlhfworkbench.lm.io;

import org.rlhfworkbench.lm.family.Checkpoints;
import org.rlhfworkbench.lm.family.Checkpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointsTest {
    private static final LlamaConfig LLAMA = LlamaConfig.of(50, 16, 24, 2, 4, 32, 1, List.of(2));
    @TempDir
    Path dir;

    private List<String> files(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void loadsTheRealTinyGpt2Folder() {
        Checkpoint checkpoint = Checkpoints.load(Fixtures.tinyGpt2());
        assertThat(checkpoint.config()).isInstanceOf(Gpt2Config.class);
        assertThat(checkpoint.tensors()).hasSize(28).containsKey("transformer.ln_f.weight");
    }

    @Test
    void writeThenLoadRoundTripsAndRewritesIdentically() throws IOException {
        Map<String, TensorData> tensors = Fixtures.randomTensors(LLAMA, 3);
        Checkpoints.write(dir.resolve("a"), LLAMA, tensors);
        Checkpoint loaded = Checkpoints.load(dir.resolve("a"));
        Checkpoints.write(dir.resolve("b"), loaded.config(), loaded.tensors());

        assertThat(files(dir.resolve("a"))).containsExactly("config.json", "model.safetensors");
        assertThat(new TreeMap<>(loaded.tensors())).isEqualTo(new TreeMap<>(tensors));
        assertThat(SafeTensors.readMetadata(dir.resolve("a/model.safetensors"))).containsEntry("format", "pt");
        for (String file : List.of("config.json", "model.safetensors")) {
            assertThat(dir.resolve("b").resolve(file)).hasSameBinaryContentAs(dir.resolve("a").resolve(file));
        }
    }

    @Test
    void writesAndReadsTwoShardsWithAnIndex() throws IOException {
        Map<String, TensorData> tensors = Fixtures.randomTensors(LLAMA, 4);
        long total = tensors.values().stream().mapToLong(TensorData::byteSize).sum();
        Checkpoints.write(dir, LLAMA, tensors, total * 3 / 4);

        assertThat(files(dir)).containsExactly("config.json", "model-00001-of-00002.safetensors",
                "model-00002-of-00002.safetensors", "model.safetensors.index.json");
        assertThat(Files.readString(dir.resolve("model.safetensors.index.json")))
                .startsWith("{\n  \"metadata\": {\n    \"total_size\": " + total + "\n  },\n  \"weight_map\": {\n")
                .contains("\"lm_head.weight\": \"model-00001-of-00002.safetensors\"");
        assertThat(Checkpoints.load(dir).tensors()).isEqualTo(tensors);

        Checkpoints.write(dir, LLAMA, tensors);
        assertThat(files(dir)).containsExactly("config.json", "model.safetensors");
    }

    @Test
    void readsAHandWrittenIndexOverTwoShards() throws IOException {
        TensorData a = TensorData.ofFloats("a", new long[] {2}, new float[] {1, 2});
        TensorData b = TensorData.ofFloats("b", new long[] {1}, new float[] {3});
        SafeTensors.write(dir.resolve("one.safetensors"), Map.of("a", a), null);
        SafeTensors.write(dir.resolve("two.safetensors"), Map.of("b", b), null);
        Files.writeString(dir.resolve("model.safetensors.index.json"),
                "{\"metadata\": {}, \"weight_map\": {\"b\": \"two.safetensors\", \"a\": \"one.safetensors\"}}");
        assertThat(Checkpoints.readTensors(dir)).containsExactly(Map.entry("b", b), Map.entry("a", a));
    }

    @Test
    void missingShardIsNamed() throws IOException {
        Files.writeString(dir.resolve("model.safetensors.index.json"),
                "{\"weight_map\": {\"a\": \"model-00002-of-00002.safetensors\"}}");
        assertThatThrownBy(() -> Checkpoints.readTensors(dir)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("shard 'model-00002-of-00002.safetensors', which is missing")
                .hasMessageContaining(dir.toString());
    }

    @Test
    void tensorAbsentFromItsShardIsNamed() throws IOException {
        SafeTensors.write(dir.resolve("s.safetensors"), Map.of(), null);
        Files.writeString(dir.resolve("model.safetensors.index.json"), "{\"weight_map\": {\"w\": \"s.safetensors\"}}");
        assertThatThrownBy(() -> Checkpoints.readTensors(dir)).isInstanceOf(CheckpointException.class)
                .hasMessage(dir.resolve("s.safetensors") + ": tensor 'w' listed in model.safetensors.index.json"
                        + " is not in this shard");
    }

    @Test
    void indexMayNotPointOutsideTheFolder() throws IOException {
        Files.writeString(dir.resolve("model.safetensors.index.json"),
                "{\"weight_map\": {\"w\": \"../elsewhere.safetensors\"}}");
        assertThatThrownBy(() -> Checkpoints.readTensors(dir)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("must be a file name in the same folder");
    }

    @Test
    void pickleWeightsAreRefusedWithAdvice() throws IOException {
        Files.write(dir.resolve("pytorch_model.bin"), new byte[] {(byte) 0x80, 2});
        assertThatThrownBy(() -> Checkpoints.readTensors(dir)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining(dir.toString()).hasMessageContaining("[pytorch_model.bin]")
                .hasMessageContaining("Pickle files can execute code when loaded")
                .hasMessageContaining("save_pretrained(path, safe_serialization=True)");
    }

    @Test
    void folderWithoutWeightsIsNamed() {
        assertThatThrownBy(() -> Checkpoints.readTensors(dir))
                .hasMessage("no model.safetensors or model.safetensors.index.json in model folder " + dir);
    }

    @Test
    void missingFolderIsNamed() {
        Path absent = dir.resolve("gone");
        assertThatThrownBy(() -> Checkpoints.load(absent)).isInstanceOf(CheckpointException.class)
                .hasMessage("model folder not found: " + absent);
        assertThatThrownBy(() -> Checkpoints.readTensors(absent)).hasMessage("model folder not found: " + absent);
    }

    @Test
    void missingConfigJsonIsNamed() {
        SafeTensors.write(dir.resolve("model.safetensors"), Fixtures.randomTensors(LLAMA, 1), null);
        assertThatThrownBy(() -> Checkpoints.load(dir)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("no config.json in model folder " + dir)
                .hasMessageContaining(dir.resolve("config.json").toString());
    }

    @Test
    void loadChecksTensorsAgainstTheConfig() {
        Map<String, TensorData> tensors = Fixtures.randomTensors(LLAMA, 1).entrySet().stream()
                .filter(e -> !e.getKey().equals("model.norm.weight"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Checkpoints.write(dir, LLAMA, tensors);
        assertThatThrownBy(() -> Checkpoints.load(dir)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("tensor 'model.norm.weight' is missing");
    }
}
