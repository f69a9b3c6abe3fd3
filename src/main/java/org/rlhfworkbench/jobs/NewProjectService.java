package org.rlhfworkbench.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.rlhfworkbench.core.ModelFacts;
import org.rlhfworkbench.core.ModelKind;
import org.rlhfworkbench.formats.ImportFormat;
import org.rlhfworkbench.formats.ImportReport;
import org.rlhfworkbench.formats.Importer;
import org.rlhfworkbench.jobs.cluster.ModelImport;
import org.rlhfworkbench.jobs.label.LabelConfig;
import org.rlhfworkbench.jobs.label.PromptFormat;
import org.rlhfworkbench.store.Project;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The new-project guide's work: check a model folder as {@code import-model} does, then make the
 * whole project in one go (base model, prompts, optional demonstrations or preferences, prompt
 * format, K, guidelines). It is built in a hidden sibling folder and renamed into place only when
 * every step succeeded, so a failure leaves nothing behind. Blocking: run it on a
 * {@link BackgroundExecutor}.
 */
public final class NewProjectService {
    private static final Logger LOG = LoggerFactory.getLogger(NewProjectService.class);
    private static final double MODEL_SHARE = 0.5;
    private static final double MOVE_AT = 0.98;

    /** Where the base model comes from. */
    public enum ModelSource { BUNDLED, LINK, COPY }

    /** What the guide shows of a checked model: "gpt2 · 9M · F32", and whether chat format is possible. */
    public record ModelCheck(String summary, boolean chatTemplate) {
    }

    /** A file to import: as the import dialog previews it. */
    public record DataFile(Path file, ImportFormat format, boolean skipBad) {
    }

    /**
     * Everything the guide collected.
     *
     * @param modelFolder    the Hugging Face folder (null for the bundled model)
     * @param extra          demonstrations or preferences to import as well, or null
     * @param promptFormat   {@link PromptFormat#CHAT} or {@link PromptFormat#PLAIN}
     * @param plainTemplate  the plain template (with {prompt}); null or blank: the default
     */
    public record Plan(Path dir, String name, ModelSource model, Path modelFolder, DataFile prompts, DataFile extra,
                       String promptFormat, String plainTemplate, int k, String guidelines) {
    }

    /** Hears which step runs and the fraction of the whole job done, 0..1; called on the worker thread. */
    public interface Progress {
        void at(String step, double fraction);
    }

    /** Why {@code name} under {@code parent} cannot hold a new project, or null when it can. */
    public static String folderProblem(Path parent, String name) {
        if (parent == null) {
            return "Choose the folder the project goes in.";
        }
        if (name == null || name.isBlank()) {
            return "Give the project a name.";
        }
        String n = name.strip();
        if (n.contains("/") || n.contains("\\") || n.equals(".") || n.equals("..") || n.startsWith(".")) {
            return "The name becomes a folder name: no slashes, and it cannot start with a dot.";
        }
        if (!Files.isDirectory(parent)) {
            return parent + " is not a folder.";
        }
        Path dir;
        try {
            dir = parent.resolve(n);
        } catch (InvalidPathException e) {
            return "\"" + n + "\" cannot be a folder name here: " + e.getReason() + ".";
        }
        if (Files.exists(dir) && !isEmptyFolder(dir)) {
            return dir + " already exists and is not empty.";
        }
        if (!Files.isWritable(parent)) {
            return "Cannot write in " + parent + ".";
        }
        return null;
    }

    /** The folder the project will be made in. */
    public static Path projectDir(Path parent, String name) {
        return parent.resolve(name.strip()).toAbsolutePath().normalize();
    }

    /** Checks {@code folder} as import-model does (loads it; nothing is written) and describes it. */
    public ModelCheck checkModel(Path folder) throws IOException {
        ModelImport.check(folder, ModelKind.BASE);
        ModelFacts facts = ModelFactsService.facts(folder.toAbsolutePath().normalize());
        return facts == null ? new ModelCheck("loads; no facts could be read", false)
                : new ModelCheck(facts.summary(), facts.chatTemplate());
    }

    /** The bundled tiny model: no chat template unless its tokenizer_config carries one. */
    public static ModelCheck bundledModel() {
        boolean chat = false;
        String config = SampleProjects.RESOURCE_DIR + SampleProjects.BASE_MODEL_PATH + "/tokenizer_config.json";
        try (InputStream in = NewProjectService.class.getResourceAsStream(config)) {
            chat = in != null && new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("\"chat_template\"");
        } catch (IOException e) {
            LOG.warn("Cannot read the bundled {}: {}", config, e.getMessage());
        }
        return new ModelCheck(SampleProjects.BASE_MODEL_NAME, chat);
    }

    /**
     * Makes the project at {@link Plan#dir} and returns that folder (closed: open it next). Built in
     * a hidden sibling and renamed into place; on any failure the sibling is deleted and the
     * target left as it was.
     */
    public Path create(Plan plan, Progress progress) throws IOException {
        Path dir = plan.dir().toAbsolutePath().normalize();
        String problem = folderProblem(dir.getParent(), dir.getFileName().toString());
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        Path tmp = Files.createTempDirectory(dir.getParent(), "." + dir.getFileName() + "-");
        try {
            try (Project project = Project.create(tmp)) {
                fill(project, plan, progress);
            }
            progress.at("Moving the project into place", MOVE_AT);
            moveIntoPlace(tmp, dir);
        } catch (IOException | RuntimeException e) {
            deleteTree(tmp);
            throw e;
        }
        progress.at("Done", 1);
        LOG.info("Created project {} in {}", plan.name(), dir);
        return dir;
    }

    private static void fill(Project project, Plan plan, Progress progress) throws IOException {
        project.meta().put("name", plan.name().strip());
        progress.at("Adding the base model", 0);
        long modelId;
        if (plan.model() == ModelSource.BUNDLED) {
            modelId = SampleProjects.installBaseModel(project);
        } else {
            boolean link = plan.model() == ModelSource.LINK;
            String label = plan.modelFolder().toAbsolutePath().normalize().getFileName().toString();
            modelId = ModelImport.importModel(project, plan.modelFolder(), ModelKind.BASE, label, link,
                    f -> progress.at(link ? "Linking the base model" : "Copying the base model", f * MODEL_SHARE)).id();
        }
        project.meta().put(SampleProjects.META_POLICY_MODEL, Long.toString(modelId));
        double dataShare = (MOVE_AT - MODEL_SHARE) / (plan.extra() == null ? 1 : 2);
        ImportReport prompts = importData(project, plan.prompts(), "Importing the prompts", MODEL_SHARE, dataShare, progress);
        if (plan.extra() != null) {
            importData(project, plan.extra(), "Importing " + plan.extra().file().getFileName(), MODEL_SHARE + dataShare,
                    dataShare, progress);
        }
        if (project.prompts().count() == 0) {
            throw new IllegalArgumentException(plan.prompts().file() + " gave no prompts (" + prompts.summary() + ")");
        }
        new PromptFormat(plan.promptFormat(), plan.plainTemplate());  // refuses a bad format or template
        project.meta().put(PromptFormat.META_FORMAT, plan.promptFormat());
        if (plan.plainTemplate() != null && !plan.plainTemplate().isBlank()) {
            project.meta().put(PromptFormat.META_TEMPLATE, plan.plainTemplate());
        }
        if (plan.k() < 2 || plan.k() > 9) {
            throw new IllegalArgumentException("K must be 2 to 9, was " + plan.k());
        }
        project.meta().put(LabelConfig.META_K, Integer.toString(plan.k()));
        if (plan.guidelines() != null && !plan.guidelines().isBlank()) {
            project.meta().put(LabelConfig.META_GUIDELINES, plan.guidelines());
        }
    }

    private static ImportReport importData(Project project, DataFile data, String step, double from, double share,
                                           Progress progress) {
        progress.at(step, from);
        ImportReport report = Importer.importFile(project, data.file(), data.format(), data.skipBad(),
                f -> progress.at(step, from + f * share));
        LOG.info("{}: {}", step, report.summary());
        return report;
    }

    /** Renames the finished folder onto {@code dir} (an empty folder there is replaced). */
    private static void moveIntoPlace(Path tmp, Path dir) throws IOException {
        boolean hadEmpty = Files.isDirectory(dir);
        if (hadEmpty) {
            Files.delete(dir);
        }
        try {
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (hadEmpty) {
                Files.createDirectories(dir);
            }
            throw new IOException("Cannot move the new project into " + dir + ": " + e.getMessage(), e);
        }
    }

    private static boolean isEmptyFolder(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path f : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            LOG.warn("Could not remove the unfinished project folder {}: {}", dir, e.getMessage());
        }
    }
}
