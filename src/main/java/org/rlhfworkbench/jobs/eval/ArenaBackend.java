package org.rlhfworkbench.jobs.eval;

import java.nio.file.Path;
import java.util.List;
import org.rlhfworkbench.core.ModelEntry;

/** Where the Evaluate tab gets its models, sessions and results. Blocking: call through a BackgroundExecutor. */
public interface ArenaBackend extends AutoCloseable {
    /** The open project's models (the arena offers those that generate: base, SFT, policy). */
    List<ModelEntry> models();

    /** Starts a session (plans the pairs; answers start generating on next()). */
    ArenaService open(ArenaSetup setup);

    /** Every vote of the project, names revealed, with the reward model and the rubric judging the same pairs. */
    ArenaResults results();

    /** Writes every vote to {@code file} (.csv, else JSONL); returns how many. */
    int export(Path file);

    /** Opt-in: decisive votes not turned yet become marked two-answer rankings; returns how many. */
    int toPreferences();

    /** Frees the reward model used as judge. */
    @Override
    void close();
}
