package org.rlhfworkbench.jobs.label;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.rlhfworkbench.lm.LanguageModel;
import org.rlhfworkbench.lm.nd.OmpPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one daemon thread that owns the generating model: it loads the model a job names on first
 * use (and frees the previous one when the labeler switched models), runs generation jobs in the
 * order they were queued, and frees the model on {@link #close()}. All DJL access for labeling
 * happens here, never on the caller's thread.
 */
final class GenerationWorker implements AutoCloseable {
    /** A generation job; {@code fail} is called instead of (or after part of) {@code run} when it cannot finish. */
    interface Job {
        /** The folder of the model that generates this job's answers. */
        Path folder();

        /** True once nobody waits for this job's answers (the labeler changed the generator): it stops at the next token. */
        boolean cancelled();

        void run(ResponseGenerator generator);

        void fail(String message);
    }

    private static final Logger LOG = LoggerFactory.getLogger(GenerationWorker.class);
    private static final long CLOSE_WAIT_SECONDS = 30;

    private final ExecutorService executor;
    private final Function<Path, LanguageModel> loader;
    private volatile boolean closed;
    /** Touched only on the worker thread. */
    private LanguageModel model;
    private Path modelFolder;
    private final Map<Path, String> loadErrors = new HashMap<>();

    GenerationWorker(Function<Path, LanguageModel> loader) {
        this.loader = loader;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "labeling-generator");
            t.setDaemon(true);
            return t;
        });
    }

    void submit(Job job) {
        if (closed) {
            job.fail("labeling was closed");
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
            job.fail("labeling was closed");
        }
    }

    /** Runs a job; whatever happens (even an Error), no response of it is left waiting forever. */
    private void run(Job job) {
        String failure = "generation stopped unexpectedly";
        try {
            if (closed) {
                failure = "labeling was closed";
                return;
            }
            if (job.cancelled()) {
                failure = "the generator settings changed";
                return;
            }
            job.run(new ResponseGenerator(model(job.folder()), () -> closed || job.cancelled()));
            failure = "generation ended before this response was complete";
        } catch (CancellationException e) {
            failure = "labeling was closed";
        } catch (RuntimeException e) {
            LOG.warn("Generating responses failed: {}", e.toString());
            failure = e.getMessage() == null ? e.toString() : e.getMessage();
        } finally {
            job.fail(failure);
        }
    }

    private LanguageModel model(Path folder) {
        if (model != null && !folder.equals(modelFolder)) {
            freeModel();
        }
        if (model == null) {
            String loadError = loadErrors.get(folder);
            if (loadError != null) {
                throw new IllegalStateException(loadError);
            }
            try {
                long start = System.nanoTime();
                model = loader.apply(folder);
                modelFolder = folder;
                LOG.info("Loaded the generating model {} in {} ms", folder, (System.nanoTime() - start) / 1_000_000);
            } catch (RuntimeException e) {
                loadError = "cannot load the policy model: " + (e.getMessage() == null ? e.toString() : e.getMessage());
                LOG.warn("Cannot load the generating model {}: {}", folder, loadError);
                loadErrors.put(folder, loadError);
                throw new IllegalStateException(loadError, e);
            }
        }
        return model;
    }

    /** Stops generation (a running job ends at its next token), frees the model, waits for the thread. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            executor.execute(this::freeModel);
        } catch (RejectedExecutionException e) {
            LOG.debug("Worker already shut down");
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("The labeling generator did not stop within {} s", CLOSE_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void freeModel() {
        if (model != null) {
            model.close();
            model = null;
            modelFolder = null;
        }
    }
}
