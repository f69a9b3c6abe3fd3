package org.rlhfworkbench.ui.label;

import java.nio.file.Path;
import java.util.function.Function;
import org.rlhfworkbench.jobs.BackgroundExecutor;
import org.rlhfworkbench.jobs.ProjectChange;
import org.rlhfworkbench.jobs.label.LabelingService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the labeling view the service of the open project: when the project changes, the old
 * service is closed and the factory makes the new one, both on the background executor. The
 * factory may return null (no policy model yet): the view then says so.
 */
public final class LabelServiceSwitcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LabelServiceSwitcher.class);

    private final BackgroundExecutor executor;
    private final Function<Path, LabelingService> factory;
    private final LabelViewModel viewModel;
    private LabelingService current;
    private Path currentDir;
    private int generation;

    public LabelServiceSwitcher(BackgroundExecutor executor, Function<Path, LabelingService> factory,
                                LabelViewModel viewModel) {
        this.executor = executor;
        this.factory = factory;
        this.viewModel = viewModel;
    }

    /** The window opened {@code projectDir} (null: no project); call on the UI thread. */
    public void projectChanged(Path projectDir) {
        int mine = ++generation;
        LabelingService old = current;
        current = null;
        currentDir = projectDir;
        if (projectDir == null) {
            viewModel.showEmpty(Phase.NO_PROJECT, "No project open", "Open a project to label its prompts.");
        } else {
            viewModel.showEmpty(Phase.LOADING, "Starting…", "Loading the policy model of " + projectDir.getFileName() + ".");
        }
        executor.submit("Starting the labeling service", () -> {
            closeQuietly(old);
            return projectDir == null ? null : factory.apply(projectDir);
        }, service -> {
            if (mine != generation) {
                executor.submit("Closing an unused labeling service", () -> closeQuietly(service), ok -> { }, err -> { });
                return;
            }
            current = service;
            if (projectDir != null) {
                viewModel.open(service);
            }
        }, error -> {
            if (mine == generation) {
                String text = error.getMessage() == null ? error.toString() : error.getMessage();
                viewModel.showEmpty(Phase.ERROR, "Labeling could not start", text);
            }
        });
    }

    /**
     * The project's change feed (call on the UI thread): a model added, trained, renamed or
     * deleted refreshes the generator picker, or starts labeling when the project had no model.
     */
    public void projectChanged(ProjectChange change) {
        if (change != ProjectChange.MODELS && change != ProjectChange.RUNS) {
            return;
        }
        if (current != null) {
            viewModel.generator().refresh();
        } else if (currentDir != null && viewModel.screen().phaseProperty().get() == Phase.NO_SERVICE) {
            projectChanged(currentDir);
        }
    }

    private static Void closeQuietly(LabelingService service) {
        if (service != null) {
            try {
                service.close();
            } catch (RuntimeException e) {
                LOG.warn("Closing the labeling service failed: {}", e.toString());
            }
        }
        return null;
    }

    /** Closes the current service; call before the background executor shuts down. */
    @Override
    public void close() {
        generation++;
        viewModel.showEmpty(Phase.NO_PROJECT, "Closed", "");
        LabelingService old = current;
        current = null;
        executor.submit("Closing the labeling service", () -> closeQuietly(old), ok -> { }, err -> { });
    }
}
