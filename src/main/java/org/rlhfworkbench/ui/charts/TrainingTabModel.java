package org.rlhfworkbench.ui.charts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import org.rlhfworkbench.core.ModelEntry;
import org.rlhfworkbench.core.ModelKind;
import org.rlhfworkbench.core.RunRecord;
import org.rlhfworkbench.jobs.BackgroundExecutor;
import org.rlhfworkbench.jobs.ProjectService;
import org.rlhfworkbench.jobs.run.RunListener;
import org.rlhfworkbench.jobs.run.TrainJob;

/**
 * The shared half of every training screen's view model (SFT, reward, PPO, GRPO, DPO): a new
 * method is a settings form ({@link #newJob()}), the job of a saved run ({@link #rebuild}) and,
 * if it shows more than the dashboard, a listener ({@link #follow}). This base runs them through
 * one {@link TrainingRunner}: a bad setting becomes the status line, a weak reward model is asked
 * about first, a busy slot offers to queue. Holds no nodes; use on the UI thread.
 */
public abstract class TrainingTabModel {
    private final TrainingRunner runner;

    protected TrainingTabModel(BackgroundExecutor executor, ProjectService projects, String kinds, DashboardSpec spec) {
        runner = new TrainingRunner(executor, projects, kinds, spec);
    }

    /** The job the settings describe; throws IllegalArgumentException with a one-line reason when they do not. */
    protected abstract TrainJob newJob();

    /** The job of recorded run {@code run}, from the config it started with (on a background thread). */
    protected abstract TrainJob rebuild(RunRecord run, JsonNode config);

    /**
     * Called just before a run starts ({@code resumed} null) or resumes: resets the screen's own
     * panels and returns the listener that feeds them. The dashboard needs none.
     */
    protected RunListener follow(RunRecord resumed) {
        return RunListener.NONE;
    }

    /** Whether the job the settings describe scores its answers with a reward model. */
    protected boolean usesRewardModel() {
        return false;
    }

    /** The reward model the settings name, or null for "the newest reward model". */
    protected Long rewardModelId() {
        return null;
    }

    /** True while this screen cannot start another run (a subclass may add its own busy states). */
    protected boolean busy() {
        return runner.activeProperty().get();
    }

    /** Starts a run with the current settings (after asking about a weak reward model). */
    public void start() {
        if (busy()) {
            return;
        }
        TrainJob job;
        try {
            job = newJob();
        } catch (IllegalArgumentException e) {
            error(e.getMessage());
            return;
        }
        Optional<ModelEntry> rm = rewardModel();
        if (rm.isPresent() && rm.get().warning() != null && !runner.prompter().ask("Weak reward model",
                "Reward model #" + rm.get().id() + " (" + rm.get().name() + "): " + rm.get().warning() + ". Its scores"
                        + " may mean little, and a policy trained against it may learn its mistakes. Train against it"
                        + " anyway?", "Train anyway", "Cancel")) {
            job.close();
            runner.library().status("Not started: reward model #" + rm.get().id() + " is weak ("
                    + rm.get().warning() + ").", false);
            return;
        }
        runner.start(job, follow(null));
    }

    /** Continues an unfinished run from its checkpoint, with the settings it started with. */
    public void resume(RunRecord run) {
        if (busy()) {
            return;
        }
        RunListener listener = follow(run);
        runner.resume(run.id(), json -> rebuild(run, json), listener);
    }

    /** The reward model the job will score with, among the project's models; empty when it uses none. */
    public Optional<ModelEntry> rewardModel() {
        if (!usesRewardModel()) {
            return Optional.empty();
        }
        Long id = rewardModelId();
        return runner.library().models().stream().filter(m -> m.kind() == ModelKind.REWARD)
                .filter(m -> id == null || Objects.equals(m.id(), id))
                .max(Comparator.comparingLong(ModelEntry::id));
    }

    /** Shows {@code message} as the screen's status line, marked as an error. */
    protected void error(String message) {
        runner.library().status(message, true);
    }

    /** Reads the open project's models and runs; call after a project was opened. */
    public void projectChanged() {
        runner.projectChanged();
    }

    /** On closing the window: asks an active run to stop (it keeps a checkpoint and stays resumable). */
    public void close() {
        runner.cancel();
    }

    public TrainingRunner runner() {
        return runner;
    }
}
