package org.rlhfworkbench.core;

import java.time.Instant;

/**
 * One training or generation run. Its config (with the seed) is also saved as JSON under
 * runs/&lt;id&gt;/ so a run can be reproduced without the database.
 */
public record RunRecord(long id, String kind, String configJson, long seed, RunStatus status,
                        Instant startedAt, Instant finishedAt, String error) {
}
