package org.rlhfworkbench.jobs.run;

import org.rlhfworkbench.store.Project;
import org.rlhfworkbench.train.run.RunContext;
import org.rlhfworkbench.train.run.StepLoop;

/** A trainer as the job system runs it: config to save, the training itself, the result to register. */
public interface TrainJob extends AutoCloseable {
    /** "sft", "reward", ... */
    String kind();

    /** The config record, saved as runs/&lt;id&gt;/config.json and in the run row. */
    Object config();

    long seed();

    /** Loads data and models from the project (on the job thread). */
    void prepare(Project project) throws Exception;

    /** Trains; {@code resume} continues from the run's checkpoint. */
    StepLoop.Outcome train(RunContext ctx, boolean resume) throws Exception;

    /** Saves the result under models/ and registers it; returns a one-line summary. */
    String finish(Project project, long runId) throws Exception;

    @Override
    void close();
}
