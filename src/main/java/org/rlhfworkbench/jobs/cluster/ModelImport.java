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
        Path from = source.toAbsolutePath().normalize();
        if (!Files.isDirectory(from)) {
            throw new IllegalArgumentException("cannot import " + from + ": not a folder");
        }
        validate(from, kind);
        // a LoRA adapter keeps pointing at its base from its new place: project-relative when inside, else absolute
        Path base = PeftAdapters.isAdapter(from)
                ? PeftAdapters.resolveBase(from, PeftAdapters.baseName(from)).toAbsolutePath().normalize() : null;
        String slug = slug(name);
        String rel = "models/imported-" + slug;
        for (int i = 2; Files.exists(project.dir().resolve(rel)); i++) {
            rel = "models/imported-" + slug + "-" + i;
        }
        Path target = project.dir().resolve(rel);
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + "-");
        try {
            ClusterExport.copyFiles(from, tmp);
            if (base != null) {
                Path dir = project.dir().toAbsolutePath().normalize();
                PeftAdapters.rebase(tmp, (base.startsWith(dir) ? dir.relativize(base) : base).toString());
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            ClusterExport.deleteTree(tmp);
            throw e;
        }
        long id = project.models().add(name, kind, null, rel, null);
        LOG.info("Imported {} as model {} ({}) in {}", from, id, kind.dbName(), target);
        return new Result(id, name, kind, rel);
    }

    /** Loads the checkpoint as the workbench would; a reward model must also carry its "score" head. */
    static void validate(Path folder, ModelKind kind) {
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
