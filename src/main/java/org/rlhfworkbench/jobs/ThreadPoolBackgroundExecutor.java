package org.rlhfworkbench.jobs;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.rlhfworkbench.lm.nd.OmpPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One daemon worker thread, "rlhf-worker": work runs in submission order, so two jobs never touch
 * the open project at the same time. Callbacks go through the UI executor.
 */
public final class ThreadPoolBackgroundExecutor implements BackgroundExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(ThreadPoolBackgroundExecutor.class);
    private static final long SHUTDOWN_WAIT_SECONDS = 10;

    private final Executor uiExecutor;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rlhf-worker");
        thread.setDaemon(true);
        return thread;
    });

    public ThreadPoolBackgroundExecutor(Executor uiExecutor) {
        this.uiExecutor = uiExecutor;
    }

    @Override
    public <T> void submit(String name, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        worker.execute(() -> {
            LOG.debug("Starting {}", name);
            T result;
            try {
                result = work.call();
            } catch (Exception | LinkageError e) {
                LOG.warn("{} failed: {}", name, e.toString());
                deliver(name, () -> onFailure.accept(e));
                return;
            } finally {
                OmpPool.release();  // idle between tasks: no OpenMP team to slow a training run down
            }
            LOG.debug("Finished {}", name);
            deliver(name, () -> onSuccess.accept(result));
        });
    }

    private void deliver(String name, Runnable callback) {
        try {
            uiExecutor.execute(callback);
        } catch (RuntimeException e) {
            LOG.warn("Result of {} dropped: the UI executor refused it ({})", name, e.toString());
        }
    }

    /** Stops taking work and waits a little for the running and queued jobs to finish. */
    public void shutdown() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("Background work still running after {} s; abandoning it", SHUTDOWN_WAIT_SECONDS);
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
