package org.rlhfworkbench.jobs;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs slow work (database, files, models) off the UI thread and hands the result back through
 * the UI executor given to the implementation. The GUI passes {@code Platform::runLater}; tests
 * use {@link SameThreadBackgroundExecutor}.
 */
public interface BackgroundExecutor {

    /**
     * Queues {@code work}; exactly one of the callbacks runs afterwards, on the UI executor.
     *
     * @param name what the work does, for logs and thread dumps
     */
    <T> void submit(String name, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);
}
