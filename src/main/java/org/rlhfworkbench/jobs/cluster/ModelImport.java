package org.rlhfworkbench.jobs.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.rlhfworkbench.core.ModelKind;
import org.rlhfworkbench.lm.LanguageModel;
import org.rlhfworkbench.lm.LanguageModels;
import org.rlhfworkbench.lm.lora.PeftAdapters;
import org.rlhfworkbench.lm.io.CheckpointException;
import org.rlhfworkbench.store.Project;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * `rlhf import-model`: brings a Hugging Face checkpoint trained elsewhere (OpenRLHF, TRL, a
 * cluster job's out/ folder) into the project under models/, registered so the model pickers
 * list it. The folder is loaded first; a broken one is refused with the loader's reason, which
 * names the file, and nothing is copied.
 */
public final class ModelImport {
    private static final Logger LOG = LoggerFactory.getLogger(ModelImport.class);

    /** @param path folder inside the project, relative to it */
    public record Result(long id, String name, ModelKind kind, String path) {
    }

    private ModelImport() {
    }

    public static Result importModel(Project project, Path source, ModelKind kind, String name) throws IOException {
        return importModel(project, source, kind, name, false, done -> { });
    }

    /**
     * Like {@link #importModel(Project, Path, ModelKind, String)}, after the same check. With
     * {@code link}, nothing is copied: the project gets models/linked-NAME, a symbolic link to the
     * folder, so the stored path stays inside the project while the weights stay where they are
     * (moving or deleting the original breaks the link; the Models table then shows no facts).
     *
     * @param progress receives the fraction copied, 0..1 (only 1 when linking)
     */
    public static Result importModel(Project project, Path source, ModelKind kind, String name, boolean link,
                                     java.util.function.DoubleConsumer progress) throws IOException {
        Path from = source.toAbsolutePath().normalize();
        if (!Files.isDirectory(from)) {
            throw new IllegalArgumentException("cannot import " + from + ": not a folder");
        }
        refuseLinks(from);
        validate(from, kind);
        String prefix = link ? "models/linked-" : "models/imported-";
        // a LoRA adapter keeps pointing at its base from its new place: project-relative when inside, else absolute
        Path base = PeftAdapters.isAdapter(from)
                ? PeftAdapters.resolveBase(from, PeftAdapters.baseName(from)).toAbsolutePath().normalize() : null;
        String slug = slug(name);
        String rel = prefix + slug;
        for (int i = 2; Files.exists(project.dir().resolve(rel), java.nio.file.LinkOption.NOFOLLOW_LINKS); i++) {
            rel = prefix + slug + "-" + i;
        }
        Path target = project.dir().resolve(rel);
        Files.createDirectories(target.getParent());
        if (link) {
            try {
                Files.createSymbolicLink(target, from);
            } catch (UnsupportedOperationException | IOException e) {
                throw new IOException("cannot link " + target + " to " + from + " (" + e.getMessage()
                        + "); copy the model into the project instead", e);
            }
        } else {
            Path tmp = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + "-");
            try {
                FolderCopy.copy(from, tmp, progress);
                if (base != null) {
                    Path dir = project.dir().toAbsolutePath().normalize();
                    PeftAdapters.rebase(tmp, (base.startsWith(dir) ? dir.relativize(base) : base).toString());
                }
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException | RuntimeException e) {
                ClusterExport.deleteTree(tmp);
                throw e;
            }
        }
        progress.accept(1.0);
        long id = project.models().add(name, kind, null, rel, null);
        LOG.info("Imported {} as model {} ({}) in {}", from, id, kind.dbName(), target);
        return new Result(id, name, kind, rel);
    }

    /**
     * A model folder is copied file by file: a symbolic link among its files would copy whatever
     * it points at (anywhere on the disk) into the project, so links are refused.
     */
    static void refuseLinks(Path folder) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) {
                if (Files.isSymbolicLink(f)) {
                    throw new IllegalArgumentException("cannot import " + folder + ": " + f.getFileName()
                            + " is a symbolic link (to " + Files.readSymbolicLink(f) + "); copy the file itself into"
                            + " the folder");
                }
            }
        }
    }

    /**
     * Every check {@link #importModel} makes before it writes anything (a folder, no symbolic links
     * among its files, loads as {@code kind}), for a form that checks a folder when it is chosen.
     */
    public static void check(Path folder, ModelKind kind) throws IOException {
        Path from = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(from)) {
            throw new IllegalArgumentException("cannot import " + from + ": not a folder");
        }
        refuseLinks(from);
        validate(from, kind);
    }

    /** Loads the checkpoint as the workbench would; a reward model must also carry its "score" head. */
    public static void validate(Path folder, ModelKind kind) {
        try (LanguageModel lm = LanguageModels.load(folder)) {
            if (kind == ModelKind.REWARD && !lm.model().weights().has("score.weight")) {
                throw new IllegalArgumentException("cannot import " + folder + " as a reward model: "
                        + folder.resolve("model.safetensors") + " has no score.weight head"
                        + " (OpenRLHF: train with --value_head_prefix score)");
            }
        } catch (CheckpointException e) {
            throw new IllegalArgumentException("cannot import " + folder + ": " + e.getMessage(), e);
        }
    }

    private static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "model" : s;
    }
}
