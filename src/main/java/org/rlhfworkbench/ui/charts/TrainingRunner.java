package org.rlhfworkbench.ui.charts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
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
import org.rlhfworkbench.core.config.ProbeSample;
import org.rlhfworkbench.jobs.run.JobHandle;
import org.rlhfworkbench.jobs.run.RunController;
import org.rlhfworkbench.jobs.run.RunListener;
import org.rlhfworkbench.jobs.run.RunQueue;
import org.rlhfworkbench.jobs.run.TrainJob;
import org.rlhfworkbench.jobs.run.TrainingSlot;

/**
 * The view-model core of a training screen (SFT, reward, PPO, GRPO, DPO): starts, pauses,
 * resumes and cancels one run of its kind, feeds the dashboard from the run's event queue on
 * each pulse ({@link #drain()}), and reopens or overlays recorded runs. While another run holds
 * the process's training slot, Start asks (through its {@link Prompter}) whether to queue the run;
 * a queued run starts by itself when the slot frees. Holds no nodes; use it on the UI thread. The
 * project work is {@link RunController}'s (jobs); the run list, model list, status line and
 * exports live in {@link RunLibrary}.
 */
public final class TrainingRunner {
    static final int DRAIN_MAX = 20_000;

    private final BackgroundExecutor executor;
    private final ProjectService projects;
    private final RunController controller;
    private final AtomicReference<JobHandle> queuedStart = new AtomicReference<>();
    private Prompter prompter = Prompter.DIALOG;
    private long runId = -1;
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
        this.controller = new RunController(projects, kind);
        this.dashboard = new DashboardModel(spec);
        this.library = new RunLibrary(executor, projects, controller, dashboard);
    }

    /** Who answers "queue this run?" (a dialog unless a test sets another). */
    public void setPrompter(Prompter prompter) {
        this.prompter = prompter;
    }

    public Prompter prompter() {
        return prompter;
    }

    /** Starts a new run of {@code job} (ignored while a run is active). */
    public void start(TrainJob job) {
        start(job, RunListener.NONE);
    }

    /**
     * Like {@link #start(TrainJob)}; {@code also} gets the run's events too, on the training thread.
     * While another run trains, asks whether to queue this one behind it; No closes the job.
     */
    public void start(TrainJob job, RunListener also) {
        if (active.get()) {
            job.close();
            return;
        }
        Optional<TrainingSlot.ActiveRun> busy = RunController.busy();
        if (busy.isPresent() && !prompter.ask("Another run is training", busy.get().describe() + " is training, and"
                + " one run trains at a time. Queue this " + job.kind() + " run? It starts by itself when the runs"
                + " ahead of it end, and you can take it out of the queue from the runs list until then.",
                "Queue", "Cancel")) {
            job.close();
            library.status("Not started: " + busy.get().describe() + " is training, and one run trains at a time.",
                    false);
            return;
        }
        MetricQueue q = new MetricQueue();
        RunListener listener = both(q, also);
        if (busy.isEmpty()) {  // not asked: a run that took the slot meanwhile refuses this start with its line
            begin("Starting a " + job.kind() + " run", () -> controller.start(job, listener), q, e -> job.close());
            return;
        }
        starting.set(true);
        library.status("Queueing a " + job.kind() + " run…", false);
        executor.submit("Queueing a " + job.kind() + " run", () -> controller.startOrQueue(job, listener,
                queuedStart::set), ticket -> {
                    queue = q;
                    lastLog = "";
                    runId = ticket.runId();
                    if (ticket.queued()) {
                        handle = null;
                        status.set(RunStatus.QUEUED);
                        library.status(runName() + " queued; it starts by itself when "
                                + (ticket.ahead() == null ? "the runs ahead of it end" : ticket.ahead().describe()
                                + " ends") + ".", false);
                    } else {
                        onStarted(ticket.handle(), List.of());
                    }
                    drain();
                    starting.set(false);
                    projects.changed(ProjectChange.RUNS);
                }, error -> {
                    starting.set(false);
                    job.close();
                    library.status("Queueing a " + job.kind() + " run failed: " + RunLibrary.message(error), true);
                });
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
        begin("Resuming run " + runId, () -> controller.resume(runId, rebuild, both(q, also)), q, e -> { });
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

    /** Stops the active run after its current step (it keeps a checkpoint), or takes a queued run out of the queue. */
    public void cancel() {
        if (status.get() == RunStatus.QUEUED && handle == null && runId >= 0) {
            cancelQueued(runId);
        } else if (handle != null && active.get()) {
            handle.cancel();
        }
    }

    /** Takes queued run {@code id} out of the queue (from the runs list); its row reads cancelled. */
    public void cancelQueued(long id) {
        executor.submit("Taking run " + id + " out of the queue", () -> controller.cancelQueued(id), removed -> {
            if (removed && id != runId) {
                library.status("Run " + id + " taken out of the queue.", false);
            }
            projects.changed(ProjectChange.RUNS);
        }, e -> library.status("Cannot take run " + id + " out of the queue: " + RunLibrary.message(e), true));
    }

    /** Moves the queued events of the active run into the dashboard and the status; call on each pulse. */
    public void drain() {
        if (queue == null) {
            return;
        }
        JobHandle started = queuedStart.getAndSet(null);
        if (started != null) {  // a queued run got the slot: from here it is like one started now
            onStarted(started, List.of());
            projects.changed(ProjectChange.RUNS);
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

    private void begin(String action, Callable<RunController.Started> work, MetricQueue q, Consumer<Throwable> cleanup) {
        starting.set(true);
        library.status(action + "…", false);
        executor.submit(action, work, started -> {
            queue = q;
            lastLog = "";
            onStarted(started.handle(), started.before());
            drain();
            starting.set(false); // after the first status, so the run never looks inactive in between
            projects.changed(ProjectChange.RUNS);  // every runs table shows the active run
        }, error -> {
            starting.set(false);
            cleanup.accept(error);
            library.status(action + " failed: " + RunLibrary.message(error), true);
        });
    }

    private void onStarted(JobHandle h, List<MetricPoint> before) {
        handle = h;
        runId = h.runId();
        dashboard.clearOverlay();
        dashboard.show(runName(), before);
    }

    private void onStatus(RunStatus s, String error) {
        status.set(s);
        switch (s) {
            case RUNNING -> library.status(runName() + " running", false);
            case PAUSED -> library.status(runName() + " paused at step " + dashboard.stepProperty().get(), false);
            case DONE -> library.status(runName() + " done: " + lastLog, false);
            case CANCELLED -> library.status(RunQueue.REMOVED.equals(error) ? runName() + " taken out of the queue."
                    : runName() + " cancelled at step " + dashboard.stepProperty().get()
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
            runId = -1;
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
        return runId < 0 ? "run" : "run " + runId;
    }

    /** The run started or resumed last in this view, or -1. */
    public long runId() {
        return runId;
    }

    /** The jobs-layer side of this screen's runs. */
    public RunController controller() {
        return controller;
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

    /** True from Start until the run ends: starting, queued, running or paused. */
    public BooleanBinding activeProperty() {
        return active;
    }
}
