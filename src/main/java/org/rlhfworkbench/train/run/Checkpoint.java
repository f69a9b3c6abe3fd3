package org.rlhfworkbench.train.run;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.rlhfworkbench.lm.io.SafeTensors;
import org.rlhfworkbench.lm.io.TensorData;
import org.rlhfworkbench.lm.optim.AdamW;

/**
 * A resumable checkpoint in runs/&lt;id&gt;/checkpoint/: parameters (by their in-memory names),
 * AdamW's moments and the train state, for each {@link ParamGroup}. Written into checkpoint.tmp/ and renamed over the old
 * one, so a crash mid-write leaves the last good checkpoint in place.
 */
public final class Checkpoint {
    static final String DIR = "checkpoint";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STEPS = "optimizer_steps";

    private Checkpoint() {
    }

    /**
     * True when the run has a complete checkpoint. A kill between the two renames of
     * {@link #save} leaves only checkpoint.old: it is moved back first.
     */
    public static boolean exists(Path runDir) {
        Path target = runDir.resolve(DIR);
        Path old = runDir.resolve(DIR + ".old");
        if (!Files.exists(target) && Files.isRegularFile(old.resolve("state.json"))) {
            try {
                Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                return false;
            }
        }
        return Files.isRegularFile(target.resolve("state.json"));
    }

    public static void save(Path runDir, Map<String, NDArray> params, AdamW adam, TrainState state) throws IOException {
        save(runDir, List.of(new ParamGroup(ParamGroup.MAIN, params, adam)), state);
    }

    /** Saves every group's parameters and AdamW moments; each optimizer file records its step count. */
    public static void save(Path runDir, List<ParamGroup> groups, TrainState state) throws IOException {
        Path tmp = runDir.resolve(DIR + ".tmp");
        deleteTree(tmp);
        try {
            Files.createDirectories(tmp);
            for (ParamGroup g : groups) {
                SafeTensors.write(tmp.resolve(g.file("params")), tensors(g.params(), ""), null);
                Map<String, TensorData> moments = tensors(g.optimizer().firstMoments(), "m.");
                moments.putAll(tensors(g.optimizer().secondMoments(), "v."));
                SafeTensors.write(tmp.resolve(g.file("optimizer")), moments,
                        Map.of(STEPS, Long.toString(g.optimizer().steps())));
            }
            Files.writeString(tmp.resolve("state.json"), JSON.writeValueAsString(state));
        } catch (IOException | RuntimeException e) {
            try {
                deleteTree(tmp);  // a half-written checkpoint.tmp only takes the space a retry needs
            } catch (IOException d) {
                e.addSuppressed(d);
            }
            throw new IOException("saving the checkpoint of step " + state.step() + " in " + runDir + " failed ("
                    + e.getMessage() + "); the last good checkpoint is kept", e);
        }
        Path target = runDir.resolve(DIR);
        Path old = runDir.resolve(DIR + ".old");
        deleteTree(old);
        if (Files.exists(target)) {
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(old);
    }

    /** Loads parameters into {@code params} (same names and shapes) and restores AdamW; returns the state. */
    public static TrainState load(Path runDir, Map<String, NDArray> params, AdamW adam, NDManager m) throws IOException {
        return load(runDir, List.of(new ParamGroup(ParamGroup.MAIN, params, adam)), m);
    }

    /**
     * Loads every group (same names and shapes as saved) and restores each AdamW; the moments of
     * a group live in the manager of its first parameter, or {@code m} for the main group.
     */
    public static TrainState load(Path runDir, List<ParamGroup> groups, NDManager m) throws IOException {
        Path dir = runDir.resolve(DIR);
        TrainState state = JSON.readValue(Files.readString(dir.resolve("state.json")), TrainState.class);
        for (ParamGroup g : groups) {
            Path file = dir.resolve(g.file("params"));
            if (!Files.isRegularFile(file)) {
                throw new IOException("the checkpoint in " + dir + " has no " + file.getFileName()
                        + " (was the run started with other settings?)");
            }
            Map<String, TensorData> saved = SafeTensors.read(file);
            for (Map.Entry<String, NDArray> e : g.params().entrySet()) {
                TensorData t = saved.get(e.getKey());
                if (t == null) {
                    throw new IOException(file + " has no tensor " + e.getKey());
                }
                e.getValue().set(t.toFloats());
            }
            NDManager owner = g.name().equals(ParamGroup.MAIN) ? m : g.params().values().iterator().next().getManager();
            Path opt = dir.resolve(g.file("optimizer"));
            Map<String, NDArray> first = new LinkedHashMap<>();
            Map<String, NDArray> second = new LinkedHashMap<>();
            for (TensorData t : SafeTensors.read(opt).values()) {
                NDArray a = owner.create(t.toFloats(), new Shape(t.shape()));
                (t.name().startsWith("m.") ? first : second).put(t.name().substring(2), a);
            }
            String steps = SafeTensors.readMetadata(opt).get(STEPS);
            g.optimizer().restore(first, second, steps == null ? state.optimizerSteps() : Long.parseLong(steps));
        }
        return state;
    }

    private static Map<String, TensorData> tensors(Map<String, NDArray> arrays, String prefix) {
        Map<String, TensorData> out = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : arrays.entrySet()) {
            String name = prefix + e.getKey();
            out.put(name, TensorData.ofFloats(name, e.getValue().getShape().getShape(), e.getValue().toFloatArray()));
        }
        return out;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
