package org.rlhfworkbench.ui.charts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.rlhfworkbench.core.MetricPoint;
import org.rlhfworkbench.core.RunStatus;
import org.rlhfworkbench.jobs.BackgroundExecutor;
import org.rlhfworkbench.jobs.ProjectChange;
import org.rlhfworkbench.jobs.ProjectService;
import org.rlhfworkbench.jobs.run.JobHandle;
import org.rlhfworkbench.jobs.run.Jobs;
import org.rlhfworkbench.jobs.run.RunListener;
import org.rlhfworkbench.jobs.run.TrainJob;
import org.rlhfworkbench.store.Project;
import org.rlhfworkbench.core.config.ProbeSample;

/**
 * The view-model core of a training screen (SFT, reward, later PPO / DPO): starts, pauses,
 * resumes and cancels one run of its kind, feeds the dashboard from the run's event queue on
 * each pulse ({@link #drain()}), and reopens or overlays recorded runs. Holds no nodes; use it
 * on the UI thread. The run list, model list, status line and exports live in {@link RunLibrary}.
 */
public final class TrainingRunner {
    static final int DRAIN_MAX = 20_000;

    private final BackgroundExecutor executor;
    private final ProjectService projects;
    private final DashboardModel dashboard;
    private final RunLibrary library;
    private final ObjectProperty<RunStatus> status = new SimpleObjectProperty<>(this, "status");
    private final BooleanProperty starting = new SimpleBooleanProperty(this, "starting");
    private final BooleanBinding active = starting.or(Bindings.createBooleanBinding(() -> status.get() != null
            && (status.get() == RunStatus.RUNNING || status.get() == RunStatus.PAUSED
            || status.get() == RunStatus.QUEUED), status));
    private MetricQueue queue;
    private JobHandle handle;
    private String lastLog = "";

    public TrainingRunner(BackgroundExecutor executor, ProjectService projects, String kind, DashboardSpec spec) {
        this.executor = executor;
        this.projects = projects;
        this.dashboard = new DashboardModel(spec);
        this.library = new RunLibrary(executor, projects, kind, dashboard);
    }

    /** Starts a new run of {@code job} (ignored while a run is active). */
    public void start(TrainJob job) {
        start(job, RunListener.NONE);
    }

    /** Like {@link #start(TrainJob)}; {@code also} gets the run's events too, on the training thread. */
    public void start(TrainJob job, RunListener also) {
        if (active.get()) {
            job.close();
            return;
        }
        MetricQueue q = new MetricQueue();
        begin("Starting a " + job.kind() + " run",
                () -> new Started(Jobs.start(projects.project(), job, both(q, also)), List.of()), q, e -> job.close());
    }

    /** Continues {@code runId} from its checkpoint with the job rebuilt from its saved config. */
    public void resume(long runId, Function<JsonNode, TrainJob> rebuild) {
        resume(runId, rebuild, RunListener.NONE);
    }

    /** Like {@link #resume(long, Function)}; {@code also} gets the run's events too, on the training thread. */
    public void resume(long runId, Function<JsonNode, TrainJob> rebuild, RunListener also) {
        if (active.get()) {
            return;
        }
        MetricQueue q = new MetricQueue();
        begin("Resuming run " + runId, () -> {
            Project p = projects.project();
            TrainJob job = rebuild.apply(Jobs.config(p, runId).get("config"));
            List<MetricPoint> before = p.metrics().forRun(runId);
            return new Started(Jobs.resume(p, runId, job, both(q, also)), before);
        }, q, e -> { });
    }

    /** Sends every event to {@code first}, then to {@code second} (e.g. a PPO screen's probe samples and health). */
    private static RunListener both(RunListener first, RunListener second) {
        return second == RunListener.NONE ? first : new RunListener() {
            @Override
            public void onMetric(MetricPoint point) {
                first.onMetric(point);
                second.onMetric(point);
            }

            @Override
            public void onProgress(long step, long total, double tokensPerSecond, double etaSeconds) {
                first.onProgress(step, total, tokensPerSecond, etaSeconds);
                second.onProgress(step, total, tokensPerSecond, etaSeconds);
            }

            @Override
            public void onStatus(RunStatus status, String error) {
                first.onStatus(status, error);
                second.onStatus(status, error);
            }

            @Override
            public void onLog(String line) {
                first.onLog(line);
                second.onLog(line);
            }

            @Override
            public void onSamples(long step, List<ProbeSample> samples) {
                first.onSamples(step, samples);
                second.onSamples(step, samples);
            }
        };
    }

    public void pause() {
        if (handle != null && status.get() == RunStatus.RUNNING) {
            handle.pause();
        }
    }

    public void resumePaused() {
        if (handle != null && status.get() == RunStatus.PAUSED) {
            handle.resume();
        }
    }

    /** Stops the active run after its current step; it keeps a checkpoint to resume from. */
    public void cancel() {
        if (handle != null && active.get()) {
            handle.cancel();
        }
    }

    /** Moves the queued events of the active run into the dashboard and the status; call on each pulse. */
    public void drain() {
        if (queue == null) {
            return;
        }
        for (RunEvent e : queue.drain(DRAIN_MAX)) {
            if (e instanceof RunEvent.Status s) {
                onStatus(s.status(), s.error());
            } else if (e instanceof RunEvent.Log l) {
                lastLog = l.line();
                library.status(runName() + ": " + l.line(), false);
            } else {
                dashboard.apply(e);
            }
        }
    }

    private record Started(JobHandle handle, List<MetricPoint> before) {
    }

    private void begin(String action, Callable<Started> work, MetricQueue q, Consumer<Throwable> cleanup) {
        starting.set(true);
        library.status(action + "…", false);
        executor.submit(action, work, started -> {
            handle = started.handle();
            queue = q;
            lastLog = "";
            dashboard.clearOverlay();
            dashboard.show(runName(), started.before());
            drain();
            starting.set(false); // after the first status, so the run never looks inactive in between
            projects.changed(ProjectChange.RUNS);  // every runs table shows the active run
        }, error -> {
            starting.set(false);
            cleanup.accept(error);
            library.status(action + " failed: " + RunLibrary.message(error), true);
        });
    }

    private void onStatus(RunStatus s, String error) {
        status.set(s);
        switch (s) {
            case RUNNING -> library.status(runName() + " running", false);
            case PAUSED -> library.status(runName() + " paused at step " + dashboard.stepProperty().get(), false);
            case DONE -> library.status(runName() + " done: " + lastLog, false);
            case CANCELLED -> library.status(runName() + " cancelled at step " + dashboard.stepProperty().get()
                    + "; select it in the run list and press Resume run to continue", false);
            case FAILED -> library.status(runName() + " failed: " + error, true);
            default -> { }
        }
        if (s == RunStatus.DONE || s == RunStatus.CANCELLED || s == RunStatus.FAILED) {
            projects.changed(ProjectChange.RUNS);  // runs tables, model pickers and counts in every tab
        }
    }

    /**
     * Another project was opened: unless a run is active (switching is refused then), the screen
     * forgets the old project's run (charts, status, handle) and reads the new one's runs and models.
     */
    public void projectChanged() {
        if (!active.get()) {
            handle = null;
            queue = null;
            lastLog = "";
            status.set(null);
            dashboard.clearOverlay();
            dashboard.startLive("");
            library.status("", false);
        }
        library.refresh();
    }

    private String runName() {
        return handle == null ? "run" : "run " + handle.runId();
    }

    /** The run started or resumed last in this view, or -1. */
    public long runId() {
        return handle == null ? -1 : handle.runId();
    }

    public DashboardModel dashboard() {
        return dashboard;
    }

    public RunLibrary library() {
        return library;
    }

    public ObjectProperty<RunStatus> statusProperty() {
        return status;
    }

    /** True from Start until the run ends: starting, running or paused. */
    public BooleanBinding activeProperty() {
        return active;
    }
}
