package org.rlhfworkbench.jobs.eval;

/** Pairs voted on and planned in this session, and votes in the project. */
public record ArenaProgress(int voted, int planned, long projectVotes) {
}
