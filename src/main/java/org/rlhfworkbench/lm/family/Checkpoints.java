package org.rlhfworkbench.lm.family;

import org.rlhfworkbench.lm.io.SafeTensors;
import org.rlhfworkbench.lm.io.ShardIndex;
import org.rlhfworkbench.lm.io.AtomicFiles;
import org.rlhfworkbench.lm.io.TensorData;
import org.rlhfworkbench.lm.io.CheckpointException;
import org.rlhfworkbench.lm.io.ModelConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hugging Face model folders: config.json plus model.safetensors, or plus
 * model.safetensors.index.json and its shards. Pickle weights (*.bin, *.pt) are refused.
 */
public final class Checkpoints {
    public static final String WEIGHTS = "model.safetensors";
    public static final String INDEX = "model.safetensors.index.json";
    /** transformers' default max_shard_size, "5GB". */
    public static final long DEFAULT_MAX_SHARD_BYTES = 5_000_000_000L;
    private static final Logger LOG = LoggerFactory.getLogger(Checkpoints.class);
    private static final Pattern SHARD = Pattern.compile("model-\\d{5}-of-\\d{5}\\.safetensors");
    private static final Map<String, String> METADATA = Map.of("format", "pt"); // transformers requires it

    private Checkpoints() {
    }

    /** Reads config.json and the tensors, normalizes the names and checks them against the config. */
    public static Checkpoint load(Path folder) {
        ModelConfig config = HfConfig.read(folder);
        Map<String, TensorData> tensors = ExpectedTensors.normalize(readTensors(folder), config, folder);
        ExpectedTensors.check(tensors, config, folder);
        return new Checkpoint(folder, config, tensors);
    }

    /** All tensors of the folder, from model.safetensors or from the shards its index lists. */
    public static Map<String, TensorData> readTensors(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new CheckpointException("model folder not found: " + folder);
        }
        Path single = folder.resolve(WEIGHTS);
        if (Files.isRegularFile(single)) {
            return SafeTensors.read(single);
        }
        Path index = folder.resolve(INDEX);
        if (Files.isRegularFile(index)) {
            return readSharded(folder, index);
        }
        List<String> pickles = pickleFiles(folder);
        if (!pickles.isEmpty()) {
            throw new CheckpointException(folder + " holds PyTorch pickle weights " + pickles
                    + " but no model.safetensors. Pickle files can execute code when loaded, so they are not read."
                    + " Convert to safetensors first, e.g. in Python: AutoModelForCausalLM.from_pretrained(path)"
                    + ".save_pretrained(path, safe_serialization=True)");
        }
        throw new CheckpointException("no " + WEIGHTS + " or " + INDEX + " in model folder " + folder);
    }

    private static Map<String, TensorData> readSharded(Path folder, Path index) {
        Map<String, String> weightMap = ShardIndex.read(index);
        Map<String, Map<String, TensorData>> shards = new LinkedHashMap<>();
        for (String shard : weightMap.values()) {
            if (!shards.containsKey(shard)) {
                Path file = folder.resolve(shard);
                if (!Files.isRegularFile(file)) {
                    throw new CheckpointException(index + " lists shard '" + shard + "', which is missing: " + file);
                }
                shards.put(shard, SafeTensors.read(file));
            }
        }
        Map<String, TensorData> tensors = new LinkedHashMap<>();
        weightMap.forEach((name, shard) -> {
            TensorData tensor = shards.get(shard).get(name);
            if (tensor == null) {
                throw new CheckpointException(folder.resolve(shard) + ": tensor '" + name + "' listed in " + INDEX
                        + " is not in this shard");
            }
            tensors.put(name, tensor);
        });
        shards.forEach((shard, content) -> content.keySet().stream().filter(n -> !weightMap.containsKey(n))
                .forEach(n -> LOG.warn("{}: tensor '{}' is not in {}, ignored", folder.resolve(shard), n, INDEX)));
        return tensors;
    }

    private static List<String> pickleFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".bin") || n.endsWith(".pt") || n.endsWith(".pth")).sorted().toList();
        } catch (IOException e) {
            throw new CheckpointException("cannot list model folder " + folder + ": " + e, e);
        }
    }

    /** Writes config.json and model.safetensors (sharded above {@link #DEFAULT_MAX_SHARD_BYTES}). */
    public static void write(Path folder, ModelConfig config, Map<String, TensorData> tensors) {
        write(folder, config, tensors, DEFAULT_MAX_SHARD_BYTES);
    }

    /**
     * Writes the tensors (one file, or shards of at most {@code maxShardBytes} each unless a single
     * tensor is larger, plus the index), then config.json; each file through a temporary name and a
     * rename. Weight files of an earlier save that the new layout does not use are deleted.
     */
    public static void write(Path folder, ModelConfig config, Map<String, TensorData> tensors, long maxShardBytes) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new CheckpointException("cannot create model folder " + folder + ": " + e, e);
        }
        List<Map<String, TensorData>> shards = split(tensors, maxShardBytes);
        List<String> written = new ArrayList<>();
        if (shards.size() == 1) {
            SafeTensors.write(folder.resolve(WEIGHTS), shards.get(0), METADATA);
            written.add(WEIGHTS);
        } else {
            Map<String, String> weightMap = new TreeMap<>();
            long totalSize = 0;
            for (int i = 0; i < shards.size(); i++) {
                String name = String.format("model-%05d-of-%05d.safetensors", i + 1, shards.size());
                SafeTensors.write(folder.resolve(name), shards.get(i), METADATA);
                written.add(name);
                for (TensorData tensor : shards.get(i).values()) {
                    weightMap.put(tensor.name(), name);
                    totalSize += tensor.byteSize();
                }
            }
            AtomicFiles.writeString(folder.resolve(INDEX), ShardIndex.toJsonString(weightMap, totalSize));
            written.add(INDEX);
        }
        deleteStaleWeights(folder, written);
        HfConfig.write(folder, config);
    }

    /** Name-sorted tensors, cut into shards as transformers does: a new shard when the next one would overflow. */
    private static List<Map<String, TensorData>> split(Map<String, TensorData> tensors, long maxShardBytes) {
        List<Map<String, TensorData>> shards = new ArrayList<>();
        Map<String, TensorData> current = new LinkedHashMap<>();
        long currentBytes = 0;
        for (TensorData tensor : new TreeMap<>(tensors).values()) {
            if (!current.isEmpty() && currentBytes + tensor.byteSize() > maxShardBytes) {
                shards.add(current);
                current = new LinkedHashMap<>();
                currentBytes = 0;
            }
            current.put(tensor.name(), tensor);
            currentBytes += tensor.byteSize();
        }
        shards.add(current);
        return shards;
    }

    private static void deleteStaleWeights(Path folder, List<String> written) {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                boolean ours = name.equals(WEIGHTS) || name.equals(INDEX) || SHARD.matcher(name).matches();
                if (ours && !written.contains(name)) {
                    Files.delete(file);
                    LOG.debug("deleted stale weights file {}", file);
                }
            }
        } catch (IOException e) {
            throw new CheckpointException("cannot clean old weight files in " + folder + ": " + e, e);
        }
    }
}
