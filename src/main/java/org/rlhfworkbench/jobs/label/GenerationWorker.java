package org.rlhfworkbench.jobs.label;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.rlhfworkbench.lm.LanguageModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one daemon thread that owns the policy model: it loads the model on first use, runs
 * generation jobs in the order they were queued, and frees the model on {@link #close()}. All
 * DJL access for labeling happens here, never on the caller's thread.
 */
final class GenerationWorker implements AutoCloseable {
    /** A generation job; {@code fail} is called instead of (or after part of) {@code run} when it cannot finish. */
    interface Job {
        void run(ResponseGenerator generator);

        void fail(String message);
    }

    private static final Logger LOG = LoggerFactory.getLogger(GenerationWorker.class);
    private static final long CLOSE_WAIT_SECONDS = 30;

    private final ExecutorService executor;
    private final Supplier<LanguageModel> loader;
    private volatile boolean closed;
    /** Touched only on the worker thread. */
    private LanguageModel model;
    private String loadError;

    GenerationWorker(Supplier<LanguageModel> loader) {
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
            executor.execute(() -> run(job));
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
            job.run(new ResponseGenerator(model(), () -> closed));
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

    private LanguageModel model() {
        if (model == null) {
            if (loadError != null) {
                throw new IllegalStateException(loadError);
            }
            try {
                long start = System.nanoTime();
                model = loader.get();
                LOG.info("Loaded the policy model {} in {} ms", model.folder(), (System.nanoTime() - start) / 1_000_000);
            } catch (RuntimeException e) {
                loadError = "cannot load the policy model: " + (e.getMessage() == null ? e.toString() : e.getMessage());
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
        }
    }
}
