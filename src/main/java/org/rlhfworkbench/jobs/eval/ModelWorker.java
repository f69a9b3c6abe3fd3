package org.rlhfworkbench.jobs.eval;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.rlhfworkbench.core.ModelEntry;
import org.rlhfworkbench.lm.LanguageModel;
import org.rlhfworkbench.lm.nd.OmpPool;
import org.rlhfworkbench.store.Project;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one daemon thread that owns the arena's (or the chat's) models: loads each project model
 * on first use, runs jobs in the order queued, frees every model on {@link #close()}. All DJL
 * work of a session happens here. {@link #stopCurrent()} ends the running job at its next token.
 */
public final class ModelWorker implements AutoCloseable {
    /** Work on the worker thread; {@code fail} is always called afterwards so nothing waits forever. */
    public interface Job {
        void run(Models models, BooleanSupplier cancelled);

        void fail(String message);
    }

    /** The models a job may use, loaded on demand. */
    public interface Models {
        LanguageModel get(long modelId);
    }

    private static final Logger LOG = LoggerFactory.getLogger(ModelWorker.class);
    private static final long CLOSE_WAIT_SECONDS = 30;

    private final Project project;
    private final Function<Path, LanguageModel> loader;
    private final ExecutorService executor;
    private final AtomicLong stops = new AtomicLong();
    private final Map<Long, LanguageModel> loaded = new HashMap<>();   // worker thread only
    private volatile boolean closed;

    public ModelWorker(Project project, Function<Path, LanguageModel> loader, String threadName) {
        this.project = project;
        this.loader = loader;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    public void submit(Job job) {
        if (closed) {
            job.fail("the session was closed");
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    run(job);
                } finally {
                    OmpPool.release();  // idle between jobs: no OpenMP team to slow a training run down
                }
            });
        } catch (RejectedExecutionException e) {
            job.fail("the session was closed");
        }
    }

    /** Stops the job running now (Esc in the chat); queued jobs still run. */
    public void stopCurrent() {
        stops.incrementAndGet();
    }

    private void run(Job job) {
        String failure = "generation ended before the answer was complete";
        long stop = stops.get();
        try {
            if (!closed) {
                job.run(this::model, () -> closed || stops.get() != stop);
            } else {
                failure = "the session was closed";
            }
        } catch (CancellationException e) {
            failure = closed ? "the session was closed" : "stopped";
        } catch (RuntimeException e) {
            LOG.warn("Generating failed: {}", e.toString());
            failure = e.getMessage() == null ? e.toString() : e.getMessage();
        } finally {
            job.fail(failure);
        }
    }

    private LanguageModel model(long id) {
        return loaded.computeIfAbsent(id, k -> {
            ModelEntry e = project.models().get(k);
            if (e == null) {
                throw new IllegalStateException("no model " + k + " in " + project.dir());
            }
            long start = System.nanoTime();
            LanguageModel lm = loader.apply(project.dir().resolve(e.path()).toAbsolutePath().normalize());
            LOG.info("Loaded model {} ({}) in {} ms", k, e.name(), (System.nanoTime() - start) / 1_000_000);
            return lm;
        });
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            executor.execute(() -> {
                loaded.values().forEach(LanguageModel::close);
                loaded.clear();
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("Worker already shut down");
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("The model worker did not stop within {} s", CLOSE_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
