package org.rlhfworkbench.jobs.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.rlhfworkbench.core.ModelEntry;
import org.rlhfworkbench.core.ModelKind;
import org.rlhfworkbench.jobs.run.ModelPicker;
import org.rlhfworkbench.store.Project;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * `rlhf export-job`: a folder a cluster can run as it is. data/ (the engine's JSONL), models/ (the
 * project's newest base, SFT, reward and policy checkpoints as HF folders), hyperparameters.json
 * (the project's settings and the flags they became), launch.sh and README.md. Built in a hidden
 * sibling folder and moved into place, so a failed export leaves nothing half-written.
 */
public final class ClusterExport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(ClusterExport.class);

    /** What was written: the steps of launch.sh and the checkpoints copied (kind -> folder in the job). */
    public record Result(Path folder, List<LaunchStep> steps, Map<String, String> models, JobData data) {
    }

    private ClusterExport() {
    }

    public static Result export(Project project, Path out, ClusterEngine engine) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        if (Files.exists(target) && (!Files.isDirectory(target) || !isEmpty(target))) {
            throw new IllegalArgumentException(target + " exists and is not empty; choose a new folder");
        }
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + "-");
        try {
            Result r = write(project, tmp, engine);
            Files.deleteIfExists(target);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("Exported a {} job for {} to {}", engine.cliName(), project.dir(), target);
            return new Result(target, r.steps(), r.models(), r.data());
        } catch (IOException | RuntimeException e) {
            deleteTree(tmp);
            throw e;
        }
    }

    private static Result write(Project project, Path folder, ClusterEngine engine) throws IOException {
        Map<String, String> models = new LinkedHashMap<>();
        for (ModelKind kind : ModelKind.values()) {
            Optional<ModelEntry> newest = project.models().all().stream().filter(m -> m.kind() == kind)
                    .max(Comparator.comparingLong(ModelEntry::id));
            if (newest.isPresent()) {
                String rel = "models/" + kind.dbName();
                copyFiles(ModelPicker.folder(project, newest.get()), folder.resolve(rel));
                models.put(kind.dbName(), rel);
            }
        }
        if (!models.containsKey("base") && !models.containsKey("sft")) {
            throw new IllegalArgumentException("the project has no base or SFT model to export; import one first");
        }
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("BASE_MODEL", models.getOrDefault("base", models.get("sft")));
        variables.put("SFT_MODEL", models.getOrDefault("sft", "out/sft"));
        variables.put("REWARD_MODEL", models.getOrDefault("reward", "out/reward"));
        JobData data = JobData.write(project, folder, engine);
        JobInputs in = JobInputs.read(project, "$BASE_MODEL", "$SFT_MODEL", "$REWARD_MODEL", data);
        List<LaunchStep> steps = engine == ClusterEngine.TRL ? TrlPlan.steps(in, data) : OpenRlhfPlan.steps(in, data);
        List<String> sources = engine == ClusterEngine.TRL ? TrlPlan.SOURCES : OpenRlhfPlan.SOURCES;
        Path script = folder.resolve("launch.sh");
        Files.writeString(script, LaunchScript.render(engine, steps, variables, sources));
        makeExecutable(script);
        JSON.writerWithDefaultPrettyPrinter().writeValue(folder.resolve("hyperparameters.json").toFile(),
                hyperparameters(project, engine, in, steps, variables));
        Files.writeString(folder.resolve("README.md"), JobReadme.render(project.name(), engine, steps, models, variables,
                data, sources));
        return new Result(folder, steps, models, data);
    }

    private static ObjectNode hyperparameters(Project project, ClusterEngine engine, JobInputs in, List<LaunchStep> steps,
                                              Map<String, String> variables) {
        ObjectNode root = JSON.createObjectNode();
        root.put("engine", engine.cliName());
        root.put("project", project.dir().toString());
        ObjectNode vars = root.putObject("variables");
        variables.forEach(vars::put);
        ObjectNode settings = root.putObject("projectSettings");
        for (RunSettings s : List.of(in.sft(), in.reward(), in.dpo(), in.ppo())) {
            ObjectNode o = settings.putObject(s.kind());
            if (s.runId().isPresent()) {
                o.put("fromRun", s.runId().get());
            } else {
                o.putNull("fromRun");
            }
            o.set("values", s.values());
        }
        ObjectNode stepNodes = root.putObject("steps");
        for (LaunchStep step : steps) {
            ObjectNode o = stepNodes.putObject(step.name());
            o.put("command", step.command());
            ObjectNode flags = o.putObject("flags");
            step.flags().forEach((flag, values) -> flags.put(flag, String.join(" ", values)));
            step.notes().forEach(o.putArray("notes")::add);
        }
        return root;
    }

    /**
     * Copies the regular files of a checkpoint folder (not resumable-checkpoint subfolders, not
     * symbolic links: a link's target may lie anywhere on the disk).
     */
    static void copyFiles(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(f -> Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)).toList()) {
                Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.LinkOption.NOFOLLOW_LINKS);
            }
        }
    }

    private static void makeExecutable(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            LOG.debug("No POSIX permissions here; run launch.sh with bash: {}", e.getMessage());
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Could not remove {}: {}", dir, e.getMessage());
        }
    }
}
