package org.rlhfworkbench.jobs.eval;

import org.rlhfworkbench.jobs.label.ResponseStream;

/**
 * One blind pair as the annotator sees it: a prompt and two streamed answers, no model names.
 *
 * @param key the session's handle for the pair (votes name it)
 */
public record ArenaPair(long key, long promptId, String prompt, ResponseStream left, ResponseStream right) {
}
