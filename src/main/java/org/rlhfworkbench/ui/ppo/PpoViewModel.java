package org.rlhfworkbench.ui.ppo;

import static org.rlhfworkbench.jobs.ppo.PpoMetricNames.APPROX_KL;
import static org.rlhfworkbench.jobs.ppo.PpoMetricNames.CLIPFRAC;
import static org.rlhfworkbench.jobs.ppo.PpoMetricNames.ENTROPY;
import static org.rlhfworkbench.jobs.ppo.PpoMetricNames.KL;
import static org.rlhfworkbench.jobs.ppo.PpoMetricNames.POLICY_LOSS;
import static org.rlhfworkbench.jobs.ppo.PpoMetricNames.RATIO;
import static org.rlhfworkbench.jobs.ppo.PpoMetricNames.RESPONSE_LENGTH;
import static org.rlhfworkbench.jobs.ppo.PpoMetricNames.RLHF_REWARD;
import static org.rlhfworkbench.jobs.ppo.PpoMetricNames.SCORES;
import static org.rlhfworkbench.jobs.ppo.PpoMetricNames.VALUE_LOSS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import org.rlhfworkbench.core.RunRecord;
import org.rlhfworkbench.core.RunStatus;
import org.rlhfworkbench.jobs.BackgroundExecutor;
import org.rlhfworkbench.jobs.ProjectService;
import org.rlhfworkbench.jobs.ppo.PpoWatch;
import org.rlhfworkbench.jobs.run.PpoJob;
import org.rlhfworkbench.ui.charts.ChartSpec;
import org.rlhfworkbench.ui.charts.DashboardSpec;
import org.rlhfworkbench.jobs.run.RunListener;
import org.rlhfworkbench.jobs.run.TrainJob;
import org.rlhfworkbench.ui.charts.TrainingRunner;
import org.rlhfworkbench.ui.charts.TrainingTabModel;

/**
 * The PPO screen's state: the settings, the run ({@link TrainingTabModel}: start, pause,
 * resume, stop, resume an unfinished run, save a checkpoint now), and the live panels
 * ({@link PpoLive}: tiles, probe samples, health signals). Holds no nodes; use on the UI thread
 * and call {@link #drain()} on each pulse.
 */
public final class PpoViewModel extends TrainingTabModel {
    public static final DashboardSpec DASHBOARD = new DashboardSpec(List.of(
            ChartSpec.of("RM score and RLHF reward", SCORES, RLHF_REWARD), ChartSpec.of("KL to SFT, nats", KL),
            ChartSpec.of("Entropy", ENTROPY), ChartSpec.of("Response length, tokens", RESPONSE_LENGTH),
            ChartSpec.of("Losses", POLICY_LOSS, VALUE_LOSS), ChartSpec.of("Clipping and ratio", CLIPFRAC, APPROX_KL,
                    RATIO)), SCORES, "Mean RM score");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TrainingRunner runner;
    private final PpoSettings settings = new PpoSettings();
    private final PpoLive live = new PpoLive();
    private final UnfinishedRun unfinished;
    private final SimpleBooleanProperty saving = new SimpleBooleanProperty(this, "saving");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final StringProperty checkpointNote = new SimpleStringProperty(this, "checkpointNote", "");
    private PpoWatch watch;
    private long continueRun = -1;
    private boolean continueNow;

    public PpoViewModel(BackgroundExecutor executor, ProjectService projects) {
        super(executor, projects, "ppo", DASHBOARD);
        runner = runner();
        unfinished = new UnfinishedRun(runner.library().runs(), runner.library()::checkpointStep);
        running.bind(runner.activeProperty().or(saving));
        runner.library().models().addListener((ListChangeListener.Change<?> c) ->
                settings.modelsChanged(runner.library().models()));
        runner.statusProperty().addListener((obs, old, now) -> onStatus(now));
        running.addListener((obs, old, now) -> unfinished.runActive(now));
    }

    /** Reads the open project's models and PPO runs; call after a project was opened. */
    @Override
    public void projectChanged() {
        unfinished.runActive(running.get());
        if (!running.get()) {
            live.watch(null, true);  // the old project's samples and signals go
        }
        super.projectChanged();
    }

    @Override
    protected boolean busy() {
        return running.get();
    }

    @Override
    protected TrainJob newJob() {
        return new PpoJob(settings.config());
    }

    @Override
    protected boolean usesRewardModel() {
        return true;
    }

    @Override
    protected Long rewardModelId() {
        return settings.rewardProperty().get() == null ? null : settings.rewardProperty().get().id();
    }

    /** A new watch for the run about to start or resume; the panels start empty. */
    @Override
    protected RunListener follow(RunRecord resumed) {
        watch = new PpoWatch();
        live.watch(watch, true);
        checkpointNote.set("");
        return watch;
    }

    /** A resumed run's watch first replays its recorded metrics, so its trends start where the run is. */
    @Override
    protected TrainJob rebuild(RunRecord run, JsonNode config) {
        watch.replay(runner.controller().metrics(run.id()));
        return rebuild(config);
    }

    /**
     * Writes a checkpoint of the running run now: the run stops after its current step (which
     * saves a checkpoint, as Stop does) and then continues from that checkpoint as the same run,
     * with its models reloaded. Only while running.
     */
    public void saveCheckpointNow() {
        if (runner.statusProperty().get() != RunStatus.RUNNING || saving.get()) {
            return;
        }
        continueRun = runner.runId();
        saving.set(true);
        checkpointNote.set("Saving a checkpoint of run " + continueRun + " after the current step…");
        runner.cancel();
    }

    private void onStatus(RunStatus status) {
        if (continueRun < 0 || status == null) {
            return;
        }
        if (status == RunStatus.CANCELLED) {
            continueNow = true; // continued on the next drain, outside the runner's event loop
        } else if (status == RunStatus.DONE || status == RunStatus.FAILED) {
            checkpointNote.set(status == RunStatus.DONE ? "The run finished before the checkpoint; it saved its"
                    + " final one." : "");
            continueRun = -1;
            saving.set(false);
        }
    }

    /** Moves the run's queued events into the dashboard and the panels; call on each pulse. */
    public void drain() {
        runner.drain();
        if (continueNow && !runner.activeProperty().get()) {
            continueNow = false;
            long id = continueRun;
            continueRun = -1;
            checkpointNote.set("Checkpoint saved at step " + runner.dashboard().stepProperty().get() + "; run " + id
                    + " continues from it.");
            runner.resume(id, this::rebuild, watch);
            saving.set(false);
        }
        live.drain(runner.dashboard());
    }

    /** On closing the window: asks an active run to stop (it keeps a checkpoint and stays resumable). */
    @Override
    public void close() {
        continueRun = -1;
        continueNow = false;
        saving.set(false);
        runner.cancel();
    }

    private PpoJob rebuild(JsonNode json) {
        return new PpoJob(JSON.convertValue(json, PpoJob.Config.class));
    }

    /** Resumes the run {@link UnfinishedRun} offers, if any. */
    public void resumeUnfinished() {
        RunRecord run = unfinished.runProperty().get();
        if (run != null && !running.get()) {
            resume(run);
        }
    }

    public PpoSettings settings() {
        return settings;
    }

    public PpoLive live() {
        return live;
    }

    public UnfinishedRun unfinished() {
        return unfinished;
    }

    /** True from Start until the run ends (starting, running, paused, or saving a checkpoint now). */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    /** What "Save checkpoint now" did last. */
    public StringProperty checkpointNoteProperty() {
        return checkpointNote;
    }
}
