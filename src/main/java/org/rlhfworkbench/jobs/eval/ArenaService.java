package org.rlhfworkbench.jobs.eval;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the Evaluate tab needs: blind pairs with answers generated (and prefetched) in the
 * background, votes stored one transaction each, undo, and results with names revealed. Every
 * method may block: the view model calls them through a BackgroundExecutor. Thread-safe.
 */
public interface ArenaService extends AutoCloseable {

    /** Criteria for the optional per-criterion votes. */
    List<String> criteria();

    /** The next pair, its answers already generating; the ones after it are prefetched. Empty when done. */
    Optional<ArenaPair> next();

    /** Stores a vote on a shown pair (waiting, bounded, for answers still generating); returns the comparison id. */
    long vote(long pairKey, Side verdict, Map<String, Side> criteria, String reason);

    /** Drops a shown pair without a vote. */
    void skip(long pairKey);

    /** Removes a vote (and a preference pair made from it), in one transaction. */
    void undo(long comparisonId);

    /** Results of every vote in the project, names revealed. */
    ArenaResults results();

    ArenaProgress progress();

    @Override
    void close();
}
