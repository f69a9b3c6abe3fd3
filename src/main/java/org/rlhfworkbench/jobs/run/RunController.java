package org.rlhfworkbench.jobs.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.rlhfworkbench.core.MetricPoint;
import org.rlhfworkbench.core.ModelEntry;
import org.rlhfworkbench.core.RunRecord;
import org.rlhfworkbench.core.RunStatus;
import org.rlhfworkbench.jobs.ModelFactsService;
import org.rlhfworkbench.jobs.ProjectService;
import org.rlhfworkbench.store.Project;

/**
 * What a training screen does with the open project's runs, without JavaFX: start (or queue
 * behind the running run), resume, read the runs of its kinds with their checkpoints and the
 * project's models, read a run's metrics. Blocking: call it from a background executor. The
 * screen's properties and its pulse-drained event queue stay in the ui's TrainingRunner.
 */
public final class RunController {
    private final ProjectService projects;
    private final List<String> kinds;

    /** @param kinds the run kinds of the screen, "a|b" for either ("dpo|online-dpo") */
    public RunController(ProjectService projects, String kinds) {
        this.projects = projects;
        this.kinds = List.of(kinds.split("\\|"));
    }

    /** A started or resumed run and the metrics it had logged before (empty for a new run). */
    public record Started(JobHandle handle, List<MetricPoint> before) {
    }

    /** The runs of this screen's kinds (newest first), the checkpoint step of each unfinished one, and all models. */
    public record Runs(List<RunRecord> runs, Map<Long, Long> checkpoints, List<ModelEntry> models) {
    }

    /** The run holding the process's training slot, if any. */
    public static Optional<TrainingSlot.ActiveRun> busy() {
        return TrainingSlot.active();
    }

    /** Starts {@code job} now; throws {@link TrainingSlot.BusyException} (nothing written) while a run trains. */
    public Started start(TrainJob job, RunListener listener) throws IOException {
        return new Started(Jobs.start(projects.project(), job, listener), List.of());
    }

    /**
     * Starts {@code job} now if the slot is free, else queues it (FIFO) behind the running run;
     * {@code started} gets the handle when a queued run starts.
     */
    public RunQueue.Ticket startOrQueue(TrainJob job, RunListener listener, Consumer<JobHandle> started)
            throws IOException {
        return RunQueue.process().submit(projects.project(), job, listener, started);
    }

    /** Takes a queued run out of the queue; false when it is not queued (it started or ended). */
    public boolean cancelQueued(long runId) {
        return RunQueue.process().cancel(runId);
    }

    public boolean isQueued(long runId) {
        return RunQueue.process().isQueued(runId);
    }

    /** Continues {@code runId} from its checkpoint with the job {@code rebuild} makes of its saved config. */
    public Started resume(long runId, Function<JsonNode, TrainJob> rebuild, RunListener listener) throws IOException {
        Project p = projects.project();
        TrainJob job = rebuild.apply(Jobs.config(p, runId).get("config"));
        List<MetricPoint> before = p.metrics().forRun(runId);
        return new Started(Jobs.resume(p, runId, job, listener), before);
    }

    /** The runs of this screen's kinds, newest first, with checkpoint steps, and the project's models. */
    public Runs read() {
        Project p = projects.project();
        List<RunRecord> mine = p.runs().all().stream().filter(r -> kinds.contains(r.kind()))
                .sorted(Comparator.comparingLong(RunRecord::id).reversed()).toList();
        Map<Long, Long> steps = new HashMap<>();
        for (RunRecord r : mine) {
            if (r.status() != RunStatus.DONE) {
                Jobs.checkpointStep(p, r.id()).ifPresent(step -> steps.put(r.id(), step));
            }
        }
        return new Runs(mine, Map.copyOf(steps), ModelFactsService.describe(p));
    }

    /** The recorded metric points of a run, in order. */
    public List<MetricPoint> metrics(long runId) {
        return projects.project().metrics().forRun(runId);
    }

    public ProjectService projects() {
        return projects;
    }
}
