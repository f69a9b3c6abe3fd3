package org.rlhfworkbench.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;
import java.util.stream.Stream;
import org.rlhfworkbench.core.MetricPoint;
import org.rlhfworkbench.core.ModelEntry;
import org.rlhfworkbench.core.ModelKind;
import org.rlhfworkbench.jobs.cluster.FolderCopy;
import org.rlhfworkbench.jobs.cluster.ModelImport;
import org.rlhfworkbench.jobs.run.TrainingSlot;
import org.rlhfworkbench.store.Project;

/**
 * The Models view's work on the open project: list the models with their facts and held-out
 * figures, add a Hugging Face folder (the same check and import as {@code rlhf import-model},
 * copied or linked in place), rename, delete (refused while a run trains or anything refers to
 * the model), export as a Hugging Face folder. Blocking; every change goes to the change feed.
 */
public final class ModelService {
    private final ProjectService projects;

    public ModelService(ProjectService projects) {
        this.projects = projects;
    }

    /** One row of the Models table. {@code heldOut} maps "eval/loss" etc. to the run's last value. */
    public record ModelRow(ModelEntry model, String parentName, String runLabel, Map<String, Double> heldOut,
                           boolean linked) {
    }

    public List<ModelRow> list() {
        Project p = projects.project();
        List<ModelEntry> models = ModelFactsService.describe(p);
        Map<Long, String> names = new LinkedHashMap<>();
        models.forEach(m -> names.put(m.id(), m.name()));
        List<ModelRow> rows = new ArrayList<>();
        for (ModelEntry m : models) {
            String parent = m.parentId() == null ? "" : "#" + m.parentId() + " " + names.getOrDefault(m.parentId(), "?");
            String run = m.runId() == null ? "" : "run " + m.runId() + " (" + runKind(p, m.runId()) + ")";
            rows.add(new ModelRow(m, parent, run, m.runId() == null ? Map.of() : heldOut(p, m.runId()),
                    Files.isSymbolicLink(p.dir().resolve(m.path()))));
        }
        return rows;
    }

    private static String runKind(Project p, long runId) {
        var run = p.runs().get(runId);
        return run == null ? "?" : run.kind();
    }

    /** The last value of each eval/ metric of the run (SFT eval loss, reward accuracy and margin, DPO eval). */
    static Map<String, Double> heldOut(Project p, long runId) {
        Map<String, Double> last = new LinkedHashMap<>();
        for (MetricPoint point : p.metrics().forRun(runId)) {
            if (point.name().startsWith("eval/")) {
                last.put(point.name(), point.value());
            }
        }
        return last;
    }

    /**
     * Checks {@code folder} as {@code import-model} does (loads it; a reward model needs its score
     * head) and adds it; nothing is written when the check fails.
     *
     * @param link keep the weights where they are (models/linked-NAME links to the folder) instead of copying
     */
    public ModelImport.Result add(Path folder, ModelKind kind, String name, boolean link, DoubleConsumer progress)
            throws IOException {
        String label = name == null || name.isBlank() ? folder.toAbsolutePath().normalize().getFileName().toString() : name;
        ModelImport.Result r = ModelImport.importModel(projects.project(), folder, kind, label, link, progress);
        projects.changed(ProjectChange.MODELS);
        return r;
    }

    public void rename(long id, String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a model needs a name");
        }
        projects.project().models().rename(id, name.strip());
        projects.changed(ProjectChange.MODELS);
    }

    /** Deletes the model's row and its folder (a linked model loses only its link, never the original). */
    public void delete(long id) throws IOException {
        Project p = projects.project();
        ModelEntry m = p.models().get(id);
        if (m == null) {
            throw new IllegalArgumentException("no model " + id + " in " + p.dir());
        }
        TrainingSlot.active().ifPresent(run -> {
            throw new IllegalStateException("Cannot delete model " + id + " (" + m.name() + ") while " + run.describe()
                    + " is training: the run may read it. Delete it after the run ends.");
        });
        long refs = p.models().references(id);
        if (refs > 0) {
            throw new IllegalStateException("Cannot delete model " + id + " (" + m.name() + "): " + refs
                    + " models, responses or comparisons refer to it. Keep it, or delete those first.");
        }
        p.models().delete(id);
        Path folder = p.dir().resolve(m.path());
        if (Files.isSymbolicLink(folder)) {
            Files.delete(folder);
        } else if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS) && folder.startsWith(p.dir().resolve("models"))) {
            deleteTree(folder);
        }
        projects.changed(ProjectChange.MODELS);
    }

    /**
     * Writes the model as a Hugging Face folder at {@code target} (missing or empty): copied into a
     * hidden sibling first and renamed, so a failed export leaves nothing half-written.
     */
    public Path export(long id, Path target, DoubleConsumer progress) throws IOException {
        Project p = projects.project();
        ModelEntry m = p.models().get(id);
        if (m == null) {
            throw new IllegalArgumentException("no model " + id + " in " + p.dir());
        }
        Path to = target.toAbsolutePath().normalize();
        if (Files.exists(to)) {
            try (Stream<Path> s = Files.list(to)) {
                if (s.findAny().isPresent()) {
                    throw new IllegalArgumentException("cannot export to " + to + ": the folder is not empty");
                }
            }
            Files.delete(to);
        }
        Files.createDirectories(to.getParent());
        Path tmp = Files.createTempDirectory(to.getParent(), "." + to.getFileName() + "-");
        try {
            FolderCopy.copy(p.dir().resolve(m.path()), tmp, progress);
            Files.move(tmp, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            deleteTree(tmp);
            throw e;
        }
        return to;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path f : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    /** The kinds a user may give an added model. */
    public static List<ModelKind> kinds() {
        return List.of(ModelKind.values());
    }
}
