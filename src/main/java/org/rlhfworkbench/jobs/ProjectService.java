package org.rlhfworkbench.jobs;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.rlhfworkbench.jobs.run.TrainingSlot;
import org.rlhfworkbench.core.Prompt;
import org.rlhfworkbench.store.Project;
import org.rlhfworkbench.store.ProjectException;
import org.rlhfworkbench.store.WorkbenchHome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the project open in the window: opening another closes the previous one, and each open
 * is remembered as the last project in the home folder's settings. Blocking; call it from a
 * {@link BackgroundExecutor}, never from the UI thread.
 */
public final class ProjectService implements AutoCloseable {
    public static final int PROMPT_PREVIEW_COUNT = 500;
    public static final int PROMPT_PREVIEW_CHARS = 200;
    private static final Logger LOG = LoggerFactory.getLogger(ProjectService.class);

    private final WorkbenchHome home;
    private final List<Consumer<ProjectChange>> listeners = new CopyOnWriteArrayList<>();
    private Project current;

    public ProjectService(Path homeDir) {
        this.home = new WorkbenchHome(homeDir);
    }

    /** Uses the home folder named by {@code rlhf.home}, {@code RLHF_WORKBENCH_HOME} or ~/.rlhf-workbench. */
    public static ProjectService withDefaultHome() {
        return new ProjectService(WorkbenchHome.fromEnvironment().home());
    }

    public Path homeDir() {
        return home.home();
    }

    /** Opens {@code requested} if given, else the last project, else the bundled sample. */
    public synchronized ProjectSummary openAtStart(Optional<Path> requested) {
        Path dir = requested.or(home::lastProject)
                .orElseGet(() -> SampleProjects.ensureSample(home.home()));
        return open(dir);
    }

    public synchronized ProjectSummary open(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        if (current != null && current.dir().equals(abs)) {
            return refresh();
        }
        refuseWhileTraining(abs);
        if (!Project.isProject(abs) && java.nio.file.Files.isRegularFile(abs.resolve("config.json"))) {
            throw new ProjectException(abs + " is a model folder, not a project (no " + Project.DB_FILE + "). Open or"
                    + " create a project, then add the model in the Models tab (Add model folder).");
        }
        return replaceWith(Project.open(abs));
    }

    public synchronized ProjectSummary create(Path dir) {
        refuseWhileTraining(dir);
        return replaceWith(Project.create(dir));
    }

    /**
     * Listens to the change feed: {@code listener} runs on the thread that made the change (a
     * background worker or a training thread), so a view model hands its refresh to its executor.
     */
    public void addListener(Consumer<ProjectChange> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<ProjectChange> listener) {
        listeners.remove(listener);
    }

    /** Tells every listener that {@code change} happened in the open project. */
    public void changed(ProjectChange change) {
        for (Consumer<ProjectChange> l : listeners) {
            try {
                l.accept(change);
            } catch (RuntimeException e) {
                LOG.warn("A listener of {} failed: {}", change, e.toString());
            }
        }
    }

    /** Switching projects under a training run would pull its database away: refused, naming the run. */
    private void refuseWhileTraining(Path dir) {
        TrainingSlot.active().ifPresent(run -> {
            throw new IllegalStateException("Cannot open " + dir + " while " + run.describe()
                    + " is training; stop it first (it keeps a checkpoint).");
        });
    }

    /** Reads the open project again, e.g. after a job added data to it. */
    public synchronized ProjectSummary refresh() {
        if (current == null) {
            throw new IllegalStateException("No project is open");
        }
        return summarize(current);
    }

    /**
     * The open project, for jobs started from the GUI: training runs read and write it on their
     * own threads (the store serialises access). Do not close it; opening another project does.
     */
    public synchronized Project project() {
        if (current == null) {
            throw new IllegalStateException("No project is open");
        }
        return current;
    }

    @Override
    public synchronized void close() {
        if (current != null) {
            Project closing = current;
            current = null;
            closing.close();
        }
    }

    private ProjectSummary replaceWith(Project opened) {
        ProjectSummary summary;
        try {
            summary = summarize(opened);
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
        closePrevious();
        current = opened;
        org.rlhfworkbench.jobs.run.RunQueue.process().forgetStale(opened);
        remember(opened.dir());
        changed(ProjectChange.OPENED);
        return summary;
    }

    private void closePrevious() {
        try {
            close();
        } catch (ProjectException e) {
            LOG.warn("Closing the previous project failed: {}", e.getMessage());
        }
    }

    private void remember(Path dir) {
        try {
            home.setLastProject(dir);
        } catch (ProjectException e) {
            LOG.warn("Could not remember the last project: {}", e.getMessage());
        }
    }

    private static ProjectSummary summarize(Project project) {
        List<String> prompts = project.prompts().page(0, PROMPT_PREVIEW_COUNT).stream()
                .map(Prompt::text)
                .map(text -> oneLine(text, PROMPT_PREVIEW_CHARS))
                .toList();
        return new ProjectSummary(project.name(), project.dir(), project.counts(), prompts);
    }

    /** Collapses all whitespace to single spaces and cuts to {@code max} characters, ending in "…". */
    static String oneLine(String text, int max) {
        String line = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return line.length() <= max ? line : line.substring(0, max - 1).stripTrailing() + "…";
    }
}
