package org.rlhfworkbench.jobs.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.rlhfworkbench.core.RunStatus;
import org.rlhfworkbench.store.Project;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Training runs waiting for the {@link TrainingSlot}, first in first out. A queued run has its run
 * row (status queued) and config at once, so every runs table shows it; it starts by itself the
 * moment the slot frees (the run before it ended, failed or was stopped), and can be taken out of
 * the queue until then (its row is then marked cancelled, never started). One queue per process,
 * as there is one slot per process.
 */
public final class RunQueue {
    private static final Logger LOG = LoggerFactory.getLogger(RunQueue.class);
    private static final RunQueue PROCESS = new RunQueue();
    public static final String REMOVED = "removed from the queue before it started";
    static final String STALE = "queued when the workbench closed; it never started";

    /** A run waiting for the slot: its id, kind and project. */
    public record Queued(long runId, String kind, Path project) {
    }

    /** What {@link #submit} did: started at once ({@code handle} set) or queued behind {@code ahead}. */
    public record Ticket(long runId, JobHandle handle, TrainingSlot.ActiveRun ahead) {
        public boolean queued() {
            return handle == null;
        }
    }

    private record Entry(Project project, long runId, TrainJob job, RunListener listener, Consumer<JobHandle> started) {
        Queued queued() {
            return new Queued(runId, job.kind(), project.dir());
        }
    }

    private final Deque<Entry> entries = new ArrayDeque<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private boolean kicking;

    private RunQueue() {
    }

    /** The queue of this process. */
    public static RunQueue process() {
        return PROCESS;
    }

    /**
     * Starts {@code job} now when the slot is free and nothing waits, else records its run (status
     * queued) and puts it last in the queue. {@code started} gets the handle when a queued run
     * starts (on the thread that freed the slot); {@code listener} gets its events from then on,
     * or FAILED / CANCELLED if it never starts.
     */
    public Ticket submit(Project project, TrainJob job, RunListener listener, Consumer<JobHandle> started)
            throws IOException {
        synchronized (this) {
            if (entries.isEmpty()) {
                try {
                    JobHandle h = Jobs.start(project, job, listener);
                    return new Ticket(h.runId(), h, null);
                } catch (TrainingSlot.BusyException busy) {
                    // queued below
                }
            }
            long runId = Jobs.record(project, job);
            entries.addLast(new Entry(project, runId, job, listener, started));
            LOG.info("run {} ({}) queued behind {}", runId, job.kind(), TrainingSlot.active()
                    .map(TrainingSlot.ActiveRun::describe).orElse("the runs ahead"));
        }
        changed();
        kick();  // the slot may have freed in between
        return new Ticket(pendingId(job), null, TrainingSlot.active().orElse(null));
    }

    private synchronized long pendingId(TrainJob job) {
        return entries.stream().filter(e -> e.job() == job).mapToLong(Entry::runId).findFirst().orElse(-1);
    }

    /** Takes run {@code runId} out of the queue (its row becomes cancelled); false when it is not queued. */
    public boolean cancel(long runId) {
        Entry removed;
        synchronized (this) {
            removed = entries.stream().filter(e -> e.runId() == runId).findFirst().orElse(null);
            if (removed == null) {
                return false;
            }
            entries.remove(removed);
        }
        drop(removed, RunStatus.CANCELLED, REMOVED);
        changed();
        return true;
    }

    /** Empties the queue (quitting): every queued run is marked cancelled. */
    public void cancelAll() {
        for (Queued q : pending()) {
            cancel(q.runId());
        }
    }

    /**
     * Marks the runs of {@code project} left "queued" by a process that ended (quit or crashed
     * before they started) as cancelled, so no runs list shows a run waiting for nothing. Call
     * when a project opens: its lock means no other process queues runs in it.
     */
    public synchronized int forgetStale(Project project) {
        int n = 0;
        java.util.Optional<TrainingSlot.ActiveRun> active = TrainingSlot.active();
        for (var run : project.runs().all()) {
            if (run.status() == RunStatus.QUEUED && !isQueued(run.id())) {
                project.runs().setStatus(run.id(), RunStatus.CANCELLED, STALE);
                n++;
            } else if ((run.status() == RunStatus.RUNNING || run.status() == RunStatus.PAUSED)
                    && active.map(a -> a.runId() != run.id() || !same(a.project(), project.dir())).orElse(true)) {
                project.runs().setStatus(run.id(), RunStatus.CANCELLED, interrupted(project, run.id()));
                n++;
            }
        }
        if (n > 0) {
            LOG.info("{} run(s) of {} were still queued or running from an earlier session; marked cancelled", n,
                    project.dir());
        }
        return n;
    }

    private static boolean same(java.nio.file.Path a, java.nio.file.Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    /**
     * Why a run left "running" or "paused" by a process that ended is no longer either, and where
     * Resume continues: its checkpoint's step, or step 0 when it saved none.
     */
    static String interrupted(Project project, long runId) {
        java.util.OptionalLong step = Jobs.checkpointStep(project, runId);
        return "interrupted: the workbench stopped while it trained; "
                + (step.isPresent() ? "Resume continues from its checkpoint at step " + step.getAsLong()
                : "it saved no checkpoint, so Resume starts again from step 0");
    }

    /** The queued runs, next first. */
    public synchronized List<Queued> pending() {
        return entries.stream().map(Entry::queued).toList();
    }

    public synchronized boolean isQueued(long runId) {
        return entries.stream().anyMatch(e -> e.runId() == runId);
    }

    /** Runs {@code listener} (on any thread) whenever a run joins or leaves the queue. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    /**
     * Starts queued runs while the slot is free: called by {@link Jobs} when a run's thread ends.
     * A start that fails marks that run failed and frees the slot for the next one.
     */
    void kick() {
        boolean any = false;
        synchronized (this) {
            if (kicking) {
                return;
            }
            kicking = true;
            try {
                while (!entries.isEmpty() && TrainingSlot.active().isEmpty()) {
                    Entry next = entries.pollFirst();
                    any = true;
                    try {
                        JobHandle h = Jobs.startRecorded(next.project(), next.runId(), next.job(), next.listener());
                        LOG.info("queued run {} ({}) started", next.runId(), next.job().kind());
                        next.started().accept(h);
                    } catch (TrainingSlot.BusyException busy) {
                        entries.addFirst(next);  // another start took the slot first: wait for the next free one
                        break;
                    } catch (RuntimeException | Error e) {
                        LOG.warn("queued run {} could not start: {}", next.runId(), e.toString());
                        drop(next, RunStatus.FAILED, e.getMessage() == null ? e.toString() : e.getMessage());
                    }
                }
            } finally {
                kicking = false;
            }
        }
        if (any) {
            changed();
        }
    }

    private static void drop(Entry e, RunStatus status, String why) {
        try {
            e.project().runs().setStatus(e.runId(), status, why);
        } catch (RuntimeException ex) {
            LOG.warn("cannot mark queued run {} {}: {}", e.runId(), status.dbName(), ex.getMessage());
        }
        e.job().close();
        e.listener().onStatus(status, why);
    }

    private void changed() {
        for (Runnable l : listeners) {
            try {
                l.run();
            } catch (RuntimeException e) {
                LOG.warn("a queue listener failed: {}", e.toString());
            }
        }
    }
}
